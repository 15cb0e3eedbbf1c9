package dev.driftwatch.policy;

import dev.driftwatch.resource.ResourceTypeCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The policies in force, read from the configured directories and read again when a file changes
 * (checked at each use: a scan never runs on a stale pack). A file that stops compiling keeps its last
 * good version running, so a typo never silently drops a policy and resolves its findings; the error is
 * reported (log, API, {@code driftwatch_policy_errors}). A configured directory that is missing or cannot be
 * read is such an error too; while it lasts, scans resolve no violation of a policy not in force (it may
 * be one of that directory's).
 */
@ApplicationScoped
public class PolicyRegistry {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);

    private record Entry(FileTime modified, long size, Policy policy, List<PolicyError> errors) {}

    private final PolicyConfig config;
    private final PolicyCompiler compiler;
    private final Map<Path, Entry> byFile = new HashMap<>();
    private volatile LoadedPolicies current = new LoadedPolicies(List.of(), List.of(), List.of());

    PolicyRegistry(PolicyConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.compiler = new PolicyCompiler(
                ResourceTypeCatalog.collectedTypes(),
                config.maxExpressionLength(),
                config.maxNesting(),
                config.maxIterations(),
                clock);
        Gauge.builder("driftwatch.policy.errors", this, r -> r.current.errors().size())
                .description("Policy files that could not be used")
                .register(registry);
        Gauge.builder("driftwatch.policies.loaded", this, r -> r.current
                        .policies()
                        .size())
                .description("Policies in force")
                .register(registry);
    }

    public PolicyCompiler compiler() {
        return compiler;
    }

    public synchronized LoadedPolicies current() {
        List<PolicyError> unusableDirectories = new ArrayList<>();
        Map<Path, Entry> seen = new HashMap<>();
        for (Path file : files(unusableDirectories)) {
            seen.put(file, load(file, byFile.get(file)));
        }
        byFile.keySet().retainAll(seen.keySet());
        byFile.putAll(seen);
        List<Policy> policies = new ArrayList<>();
        List<PolicyError> errors = new ArrayList<>(unusableDirectories);
        seen.values().forEach(e -> {
            if (e.policy() != null) {
                policies.add(e.policy());
            }
            errors.addAll(e.errors());
        });
        logNewlyUnusable(unusableDirectories);
        current = new LoadedPolicies(List.copyOf(policies), List.copyOf(errors), List.copyOf(unusableDirectories));
        return current;
    }

    /** Logged once when a directory becomes unusable, not at every look. */
    private void logNewlyUnusable(List<PolicyError> unusableDirectories) {
        Set<String> before =
                current.unusableDirectories().stream().map(PolicyError::file).collect(Collectors.toSet());
        unusableDirectories.stream()
                .filter(e -> !before.contains(e.file()))
                .forEach(
                        e -> LOG.errorf("Policies not read: %s; their findings are kept open until it can be read", e));
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

    /** The policy files of every configured directory; a directory that cannot be listed is added to {@code unusable}. */
    private List<Path> files(List<PolicyError> unusable) {
        List<Path> files = new ArrayList<>();
        for (String directory : config.directories()) {
            Path dir = Path.of(directory);
            if (!Files.isDirectory(dir)) {
                unusable.add(new PolicyError(
                        directory,
                        0,
                        Files.exists(dir) ? "policy directory is not a directory" : "policy directory does not exist"));
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> found = walk.filter(Files::isRegularFile)
                        .filter(p -> !hidden(dir.relativize(p)))
                        .filter(p ->
                                p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .toList();
                files.addAll(found);
            } catch (IOException | UncheckedIOException e) {
                unusable.add(new PolicyError(directory, 0, "policy directory cannot be read: " + e.getMessage()));
            }
        }
        return files;
    }

    /**
     * A path through a hidden folder: a Kubernetes ConfigMap volume holds each file twice, as a link
     * ({@code a.yaml -> ..data/a.yaml}) and as the copy in a hidden {@code ..<timestamp>/} folder it points to.
     */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
