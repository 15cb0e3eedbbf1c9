package dev.driftwatch.policy;

import dev.driftwatch.inventory.Inventory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The policies in force, read from the configured directories and read again when a file changes
 * (checked at each use: a scan never runs on a stale pack). A file that stops compiling keeps its last
 * good version running, so a typo never silently drops a policy and resolves its findings; the error is
 * reported (log, API, {@code driftwatch_policy_errors}).
 */
@ApplicationScoped
public class PolicyRegistry {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);

    private record Entry(FileTime modified, long size, Policy policy, List<PolicyError> errors) {
    }

    private final PolicyConfig config;
    private final PolicyCompiler compiler;
    private final Map<Path, Entry> byFile = new HashMap<>();
    private volatile LoadedPolicies current = new LoadedPolicies(List.of(), List.of());

    PolicyRegistry(PolicyConfig config, Inventory inventory, MeterRegistry registry) {
        this.config = config;
        this.compiler = new PolicyCompiler(knownTypes(inventory), config.maxExpressionLength(), config.maxNesting(),
                config.maxIterations());
        Gauge.builder("driftwatch.policy.errors", this, r -> r.current.errors().size())
                .description("Policy files that could not be used").register(registry);
        Gauge.builder("driftwatch.policies.loaded", this, r -> r.current.policies().size())
                .description("Policies in force").register(registry);
    }

    /** Types policies may name: every collected type. */
    static Set<String> knownTypes(Inventory inventory) {
        return inventory.supportedTypes();
    }

    public PolicyCompiler compiler() {
        return compiler;
    }

    public synchronized LoadedPolicies current() {
        Map<Path, Entry> seen = new HashMap<>();
        for (Path file : files()) {
            seen.put(file, load(file, byFile.get(file)));
        }
        byFile.keySet().retainAll(seen.keySet());
        byFile.putAll(seen);
        List<Policy> policies = new ArrayList<>();
        List<PolicyError> errors = new ArrayList<>();
        seen.values().forEach(e -> {
            if (e.policy() != null) {
                policies.add(e.policy());
            }
            errors.addAll(e.errors());
        });
        current = new LoadedPolicies(List.copyOf(policies), List.copyOf(errors));
        return current;
    }

    private Entry load(Path file, Entry previous) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (previous != null && previous.modified().equals(modified) && previous.size() == size) {
                return previous;
            }
            try {
                Policy policy = compiler.compile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                return new Entry(modified, size, policy, List.of());
            } catch (PolicyException e) {
                e.errors().forEach(error -> LOG.errorf("Policy not used: %s", error));
                Policy lastGood = previous == null ? null : previous.policy();
                return new Entry(modified, size, lastGood, e.errors());
            }
        } catch (IOException e) {
            PolicyError error = new PolicyError(file.toString(), 0, "cannot be read: " + e.getMessage());
            LOG.errorf("Policy not used: %s", error);
            return new Entry(FileTime.fromMillis(0), -1, previous == null ? null : previous.policy(), List.of(error));
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String directory : config.directories()) {
            Path dir = Path.of(directory);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                LOG.errorf("Cannot list policies in %s: %s", dir, e.getMessage());
            }
        }
        return files;
    }
}
