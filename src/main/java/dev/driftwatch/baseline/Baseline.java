package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the expected state from every configured source. One broken source is reported by name and the
 * others are still used.
 */
@ApplicationScoped
public class Baseline {

    private static final Logger LOG = Logger.getLogger(Baseline.class);

    private final BaselineConfig config;
    private final TerraformStateParser parser;

    Baseline(BaselineConfig config, ObjectMapper mapper) {
        this.config = config;
        BaselineConfig.Terraform terraform = config.terraform();
        this.parser = new TerraformStateParser(mapper,
                new StateResourceMapper(mapper, terraform.defaultAccount(), terraform.defaultRegion()));
    }

    public BaselineSnapshot load() {
        List<ExpectedResource> resources = new ArrayList<>();
        List<StateError> errors = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String entry : config.terraform().paths().orElse(List.of())) {
            for (Path file : filesOf(entry, errors, failed)) {
                try (InputStream in = Files.newInputStream(file)) {
                    resources.addAll(parser.parse(file.toString(), in));
                } catch (StateFileException e) {
                    record(e.error(), errors, failed);
                } catch (NoSuchFileException e) {
                    record(new StateError(file.toString(), "file not found"), errors, failed);
                } catch (IOException e) {
                    record(new StateError(file.toString(), "cannot be read: " + e.getMessage()), errors, failed);
                }
            }
        }
        return new BaselineSnapshot(List.copyOf(resources), List.copyOf(errors), List.copyOf(failed));
    }

    private static List<Path> filesOf(String entry, List<StateError> errors, List<String> failed) {
        try {
            return StateFiles.expand(entry);
        } catch (IOException e) {
            record(new StateError(entry, "cannot list state files: " + e.getMessage()), errors, failed);
            return List.of();
        }
    }

    private static void record(StateError error, List<StateError> errors, List<String> failed) {
        LOG.errorf("Terraform state not used: %s", error);
        errors.add(error);
        failed.add(error.source());
    }
}
