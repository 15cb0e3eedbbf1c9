package dev.driftwatch.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.action.Reading;
import dev.driftwatch.remediation.action.RemediationAction;
import dev.driftwatch.remediation.action.Target;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a violation's remediation starts as, and why nothing may be written when that is the answer. */
class RemediationDeciderTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final String LISTED = "111111111111";
    private static final RemediationSpec REVOKE =
            new RemediationSpec(RemediationSpec.Mode.APPROVE, "revoke-world-ingress", null);
    private static final Optional<CurrentPolicy> VARIABLES =
            Optional.of(CurrentPolicy.unconditional(Map.of("port", 22)));

    private final RemediationDecider decider = new RemediationDecider(config(
            Map.of("driftwatch.remediation.accounts", LISTED, "driftwatch.remediation.approval-timeout", "24h")));

    @Test
    void autoIsPlannedAndApproveAwaitsApprovalUntilTheTimeout() {
        NewRemediation auto =
                decider.decide(violation(LISTED), REVOKE, RemediationMode.AUTO, "driftwatch", revoke(), VARIABLES, NOW);
        NewRemediation approve = decider.decide(
                violation(LISTED), REVOKE, RemediationMode.APPROVE, "driftwatch", revoke(), VARIABLES, NOW);

        assertThat(auto.status()).isEqualTo(RemediationStatus.PLANNED);
        assertThat(auto.expiresAt()).isNull();
        assertThat(auto.parameters()).isEqualTo(Map.of("port", 22));
        assertThat(auto.dryRun()).as("dry-run unless turned off").isTrue();
        assertThat(approve.status()).isEqualTo(RemediationStatus.AWAITING_APPROVAL);
        assertThat(approve.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(approve.approvalsRequired()).isOne();
    }

    @Test
    void aPolicyAskingForTwoApprovalsGetsTwoWhateverTheConfigurationSays() {
        Optional<CurrentPolicy> twoApprovers = Optional.of(new CurrentPolicy(Map.of("port", 22), Optional.empty(), 2));

        NewRemediation approve = decider.decide(
                violation(LISTED), REVOKE, RemediationMode.APPROVE, "driftwatch", revoke(), twoApprovers, NOW);

        assertThat(approve.approvalsRequired()).isEqualTo(2);
    }

    @Test
    void anExcludedTypeIsReportOnly() {
        RemediationDecider excluding = new RemediationDecider(config(Map.of(
                "driftwatch.remediation.accounts",
                LISTED,
                "driftwatch.remediation.excluded-types",
                "aws_security_group,aws_instance")));

        assertThat(excluding
                        .decide(violation(LISTED), REVOKE, RemediationMode.AUTO, "driftwatch", revoke(), VARIABLES, NOW)
                        .reason())
                .isEqualTo("report-only: aws_security_group is listed in driftwatch.remediation.excluded-types");
    }

    @Test
    void anAccountNotListedIsReportOnly() {
        NewRemediation decided = decider.decide(
                violation("222222222222"), REVOKE, RemediationMode.AUTO, "driftwatch", revoke(), VARIABLES, NOW);

        assertThat(decided.status()).isEqualTo(RemediationStatus.SKIPPED);
        assertThat(decided.reason())
                .isEqualTo("report-only: account 222222222222 is not listed in driftwatch.remediation.accounts");
    }

    @Test
    void noAccountIsListedByDefault() {
        RemediationDecider defaults = new RemediationDecider(config(Map.of()));

        assertThat(defaults.decide(
                                violation(LISTED), REVOKE, RemediationMode.AUTO, "driftwatch", revoke(), VARIABLES, NOW)
                        .reason())
                .startsWith("report-only:");
    }

    @Test
    void anUnknownActionTheWrongTypeAGonePolicyOrAPreconditionWriteNothing() {
        FindingView finding = violation(LISTED);
        Optional<CurrentPolicy> refused =
                Optional.of(new CurrentPolicy(Map.of(), Optional.of("precondition: 'false' does not hold"), 0));

        assertThat(decider.decide(finding, REVOKE, RemediationMode.AUTO, "d", Optional.empty(), VARIABLES, NOW)
                        .reason())
                .isEqualTo("no-action: driftwatch has no action named 'revoke-world-ingress'");
        assertThat(decider.decide(finding, REVOKE, RemediationMode.AUTO, "d", action("aws_instance"), VARIABLES, NOW)
                        .reason())
                .isEqualTo("no-action: revoke-world-ingress fixes aws_instance, not aws_security_group");
        assertThat(decider.decide(finding, REVOKE, RemediationMode.AUTO, "d", revoke(), Optional.empty(), NOW)
                        .reason())
                .isEqualTo("no-action: policy sg-ssh-open-to-world is no longer loaded");
        assertThat(decider.decide(finding, REVOKE, RemediationMode.AUTO, "d", revoke(), refused, NOW)
                        .reason())
                .isEqualTo("precondition: 'false' does not hold");
    }

    private static Optional<RemediationAction> revoke() {
        return action("aws_security_group");
    }

    private static Optional<RemediationAction> action(String type) {
        return Optional.of(new RemediationAction() {
            @Override
            public String name() {
                return "revoke-world-ingress";
            }

            @Override
            public java.util.Set<String> resourceTypes() {
                return java.util.Set.of(type);
            }

            @Override
            public List<String> iamActions() {
                return List.of();
            }

            @Override
            public Reading read(AwsSession session, Target target) {
                throw new UnsupportedOperationException("the decision reads nothing");
            }
        });
    }

    private static FindingView violation(String account) {
        return new FindingView(
                7,
                "f1",
                FindingKind.VIOLATION,
                FindingStatus.OPEN,
                3,
                account,
                "us-east-1",
                "aws_security_group",
                "sg-1",
                "sg-ssh-open-to-world",
                "HIGH",
                "t",
                "m",
                List.of(),
                null,
                null,
                List.of(),
                NOW,
                NOW,
                null,
                REVOKE);
    }

    private static RemediationConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(RemediationConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(RemediationConfig.class);
    }
}
