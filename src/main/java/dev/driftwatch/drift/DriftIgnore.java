package dev.driftwatch.drift;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Takes ignored drift out of a scan's observations. Rules come from the configured ignore files (read
 * again at every scan, so a committed change applies without a restart), then the rules written in
 * configuration, then accepted drift. A bad line or an unreadable file is reported (log, API, metric
 * {@code driftwatch_drift_ignore_errors}) and skipped; every other rule still applies.
 */
@ApplicationScoped
public class DriftIgnore {

    private static final Logger LOG = Logger.getLogger(DriftIgnore.class);
    static final String CONFIG_SOURCE = "driftwatch.drift.ignore";

    /** The rules in force and the lines that could not be used. */
    public record Loaded(List<IgnoreRule> rules, List<IgnoreError> errors) {}

    private final DriftConfig config;
    private final List<IgnoreRuleSource> sources;
    private volatile List<IgnoreError> lastErrors = List.of();

    DriftIgnore(DriftConfig config, @All List<IgnoreRuleSource> sources, MeterRegistry registry) {
        this.config = config;
        this.sources = sources;
        Gauge.builder("driftwatch.drift.ignore.errors", () -> lastErrors.size())
                .description("Ignore rules (lines of ignore files or configuration) that could not be used")
                .register(registry);
    }

    public List<DriftObservation> apply(List<DriftObservation> drift) {
        return new IgnoreRules(load().rules()).apply(drift);
    }

    /** Reads every source now, accepted drift included; logs the errors when they differ from the last read. */
    public Loaded load() {
        Loaded configured = loadConfigured();
        List<IgnoreRule> rules = new ArrayList<>(configured.rules());
        sources.forEach(source -> rules.addAll(source.rules()));
        return new Loaded(rules, configured.errors());
    }

    /** The ignore files and the rules in configuration only: what the one-shot check, which has no database, applies. */
    public Loaded loadConfigured() {
        List<IgnoreRule> rules = new ArrayList<>();
        List<IgnoreError> errors = new ArrayList<>();
        for (Path file : config.ignoreFiles().orElse(List.of())) {
            try {
                add(
                        DriftIgnoreParser.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8)),
                        rules,
                        errors);
            } catch (IOException | RuntimeException e) {
                errors.add(new IgnoreError(
                        file.toString(),
                        0,
                        "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                                + "); its rules are not applied"));
            }
        }
        List<String> configured = config.ignore().orElse(List.of());
        add(DriftIgnoreParser.parse(CONFIG_SOURCE, configured), rules, errors);
        if (!errors.equals(lastErrors)) {
            errors.forEach(e -> LOG.errorf("Ignore rule not applied: %s", e));
        }
        lastErrors = List.copyOf(errors);
        return new Loaded(rules, lastErrors);
    }

    private static void add(DriftIgnoreParser.Parsed parsed, List<IgnoreRule> rules, List<IgnoreError> errors) {
        rules.addAll(parsed.rules());
        errors.addAll(parsed.errors());
    }
}
