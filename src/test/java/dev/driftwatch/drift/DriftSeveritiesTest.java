package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.policy.PolicyDefinition.Severity;
import dev.driftwatch.resource.AttributeDiff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A drift's severity: the default, or the highest of the rules matching its type, kind and changed attributes. */
class DriftSeveritiesTest {

    private static final String GROUP = "aws_security_group";
    private static final AttributeDiff INGRESS =
            new AttributeDiff("ingress", List.of(), List.of("tcp 22-22 0.0.0.0/0"));
    private static final AttributeDiff TEAM = new AttributeDiff("tags.Team", "web", "ops");

    record Rule(String type, String kind, String attribute, Severity severity) implements DriftConfig.SeverityRule {}

    @Test
    void withoutRulesDriftIsAtTheDefaultSeverity() {
        DriftSeverities none = new DriftSeverities(Severity.MEDIUM, Map.of());

        assertThat(none.of(DriftKind.CHANGED, GROUP, List.of(INGRESS))).isEqualTo(Severity.MEDIUM);
        assertThat(none.of(DriftKind.UNMANAGED, "aws_instance", List.of())).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aRuleMatchesByTypeKindAndAChangedAttribute() {
        DriftSeverities severities = new DriftSeverities(
                Severity.MEDIUM, Map.of("open-ingress", new Rule(GROUP, "changed", "ingress*", Severity.HIGH)));

        assertThat(severities.of(DriftKind.CHANGED, GROUP, List.of(INGRESS))).isEqualTo(Severity.HIGH);
        assertThat(severities.of(DriftKind.CHANGED, GROUP, List.of(TEAM, INGRESS)))
                .as("one matching attribute is enough: the ingress change is no less serious beside a tag")
                .isEqualTo(Severity.HIGH);
        assertThat(severities.of(DriftKind.CHANGED, GROUP, List.of(TEAM)))
                .as("another attribute")
                .isEqualTo(Severity.MEDIUM);
        assertThat(severities.of(DriftKind.CHANGED, "aws_instance", List.of(INGRESS)))
                .as("another type")
                .isEqualTo(Severity.MEDIUM);
        assertThat(severities.of(DriftKind.MISSING, GROUP, List.of()))
                .as("another kind")
                .isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aRuleWithoutAnAttributeCoversDriftThatHasNone() {
        DriftSeverities severities = new DriftSeverities(
                Severity.LOW,
                Map.of(
                        "missing", new Rule("*", "MISSING", "**", Severity.CRITICAL),
                        "unmanaged-groups", new Rule(GROUP, "unmanaged", "**", Severity.HIGH)));

        assertThat(severities.of(DriftKind.MISSING, "aws_s3_bucket", List.of())).isEqualTo(Severity.CRITICAL);
        assertThat(severities.of(DriftKind.UNMANAGED, GROUP, List.of())).isEqualTo(Severity.HIGH);
        assertThat(severities.of(DriftKind.UNMANAGED, "aws_s3_bucket", List.of()))
                .isEqualTo(Severity.LOW);
    }

    @Test
    void whenSeveralRulesMatchTheHighestWins() {
        DriftSeverities severities = new DriftSeverities(
                Severity.MEDIUM,
                Map.of(
                        "tags-are-minor", new Rule("*", "*", "tags.*", Severity.LOW),
                        "groups", new Rule(GROUP, "*", "**", Severity.HIGH),
                        "open-ingress", new Rule(GROUP, "changed", "ingress", Severity.CRITICAL)));

        assertThat(severities.of(DriftKind.CHANGED, "aws_instance", List.of(TEAM)))
                .as("a rule may lower drift below the default")
                .isEqualTo(Severity.LOW);
        assertThat(severities.of(DriftKind.CHANGED, GROUP, List.of(TEAM))).isEqualTo(Severity.HIGH);
        assertThat(severities.of(DriftKind.CHANGED, GROUP, List.of(TEAM, INGRESS)))
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aKindDriftwatchDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> new DriftSeverities(
                        Severity.MEDIUM, Map.of("typo", new Rule("*", "chnaged", "**", Severity.HIGH))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driftwatch.drift.severities.typo.kind");
    }
}
