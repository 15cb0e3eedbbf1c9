package dev.driftwatch.testsupport;

import dev.driftwatch.policy.PolicyCompiler;
import dev.driftwatch.policy.PolicyException;
import dev.driftwatch.policy.PolicyTesting;
import dev.driftwatch.policy.PolicyViolation;
import dev.driftwatch.resource.CloudResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in pack in {@code policies/}, compiled as the service compiles it, for tests that check one
 * policy against resources collected from moto.
 */
public final class BuiltInPolicies {

    private static final PolicyCompiler COMPILER = new PolicyCompiler(KnownTypes.ALL, 4000, 32, 10000);

    private BuiltInPolicies() {
    }

    /** The violations of the built-in policy with this id among these resources. */
    public static List<PolicyViolation> violations(String policyId, List<CloudResource> resources) {
        try (Stream<Path> files = Files.walk(Path.of("policies"))) {
            Path file = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> idOf(p).equals(policyId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no built-in policy " + policyId));
            return PolicyTesting.evaluate(COMPILER.compile(file.toString(), Files.readString(file)), resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static String idOf(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("id:")).findFirst().orElse("id:").substring(3).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
