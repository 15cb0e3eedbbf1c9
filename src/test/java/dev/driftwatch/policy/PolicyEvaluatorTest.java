package dev.driftwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.KnownTypes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One expensive policy cannot stall a scan, and does not stop the others. */
class PolicyEvaluatorTest {

    private static final Duration TIME_LIMIT = Duration.ofMillis(100);
    /** Every pair of ports: 40,000 iterations over 200 ports. */
    private static final String PAIRS = "resource.ports.all(a, resource.ports.all(b, a + b >= 0))";
    /** Every triple of ports: 8,000,000 iterations, seconds of work. */
    private static final String TRIPLES =
            "resource.ports.all(a, resource.ports.all(b, resource.ports.all(c, a + b + c >= 0)))";

    private final List<CloudResource> groups =
            IntStream.range(0, 3).mapToObj(i -> group("sg-" + i)).toList();

    @Test
    void tooManyIterationsFailTheExpensivePolicyOnly() throws PolicyException {
        PolicyCompiler compiler = new PolicyCompiler(KnownTypes.ALL, 4000, 32, 10_000);

        var outcome = PolicyEvaluator.evaluate(
                List.of(policy(compiler, "pairs", PAIRS), policy(compiler, "named", "true")),
                groups,
                Optional.empty(),
                TIME_LIMIT);

        assertThat(outcome.failedPolicies()).containsExactly("pairs");
        assertThat(outcome.violations())
                .extracting(v -> v.policy().id() + " " + v.resource().id())
                .containsExactly("named sg-0", "named sg-1", "named sg-2");
    }

    @Test
    @Timeout(20) // without the time limit this takes minutes: the iteration limit allows it
    void anExpressionRunningPastTheTimeLimitIsStopped() throws PolicyException {
        PolicyCompiler compiler = new PolicyCompiler(KnownTypes.ALL, 4000, 32, Integer.MAX_VALUE);

        var outcome = PolicyEvaluator.evaluate(
                List.of(policy(compiler, "triples", TRIPLES), policy(compiler, "named", "true")),
                groups,
                Optional.empty(),
                TIME_LIMIT);

        assertThat(outcome.failedPolicies()).containsExactly("triples");
        assertThat(outcome.violations())
                .extracting(v -> v.policy().id())
                .containsOnly("named")
                .hasSize(3);
    }

    @Test
    void aCheapExpressionIsNotCutShort() throws PolicyException {
        PolicyCompiler compiler = new PolicyCompiler(KnownTypes.ALL, 4000, 32, 100_000);

        var outcome = PolicyEvaluator.evaluate(
                List.of(policy(compiler, "pairs", PAIRS)),
                groups,
                Optional.empty(),
                Duration.ofSeconds(5)); // leaves a cold JIT time enough: the point is that nothing stops it early

        assertThat(outcome.failedPolicies()).isEmpty();
        assertThat(outcome.violations()).hasSize(3);
    }

    private static Policy policy(PolicyCompiler compiler, String id, String violation) throws PolicyException {
        return compiler.compile(id + ".yaml", """
                id: %s
                title: Test
                severity: low
                resource: aws_security_group
                violation: %s
                message: '"group " + resource.id'
                """.formatted(id, violation));
    }

    private static CloudResource group(String id) {
        List<Long> ports = IntStream.range(0, 200).mapToObj(p -> (long) p).toList();
        return new CloudResource(
                "aws_security_group", id, "123456789012", "us-east-1", null, Map.of("ports", ports), null, false);
    }
}
