package dev.driftwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.KnownTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code age_days} counts to the service's clock, so a test moves time instead of waiting for it. */
class PolicyClockTest {

    private static final CloudResource KEY = new CloudResource(
            "aws_security_group",
            "sg-1",
            "123456789012",
            "us-east-1",
            null,
            Map.of("made", "2026-01-30T12:00:00Z"),
            null,
            false);

    @Test
    void ageDaysIsCountedToTheGivenClock() throws PolicyException {
        assertThat(violations(Instant.parse("2026-03-01T11:59:59Z")))
                .as("29 days and a bit")
                .isEmpty();
        assertThat(violations(Instant.parse("2026-03-01T12:00:00Z")))
                .as("30 days")
                .containsExactly("sg-1 is 30 days old");
    }

    private static List<String> violations(Instant now) throws PolicyException {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        PolicyCompiler compiler = new PolicyCompiler(KnownTypes.ALL, 4000, 32, 10_000, clock);
        Policy policy = compiler.compile("age.yaml", """
                id: age
                title: Old
                severity: low
                resource: aws_security_group
                violation: age_days(resource.made) >= 30
                message: 'resource.id + " is " + string(age_days(resource.made)) + " days old"'
                """);
        return PolicyEvaluator.evaluate(List.of(policy), List.of(KEY), Optional.empty(), Duration.ofSeconds(5))
                .violations()
                .stream()
                .map(PolicyViolation::message)
                .toList();
    }
}
