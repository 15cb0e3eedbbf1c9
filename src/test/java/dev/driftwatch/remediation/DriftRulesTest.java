package dev.driftwatch.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.RemediationConfig.DriftMode;
import dev.driftwatch.remediation.RemediationConfig.DriftRule;
import dev.driftwatch.resource.AttributeDiff;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which drift rule decides a CHANGED finding: all its changed attributes must match, and the safest mode wins. */
class DriftRulesTest {

    private static final AttributeDiff TEAM = new AttributeDiff("tags.Team", "web", "ops");
    private static final AttributeDiff INGRESS = new AttributeDiff("ingress", List.of(), List.of("x"));
    private static final Supplier<Optional<Map<String, String>>> UNTAGGED = () -> Optional.of(Map.of());

    @Test
    void noRuleMeansReport() {
        assertThat(new DriftRules(List.of()).modeFor(changed("aws_security_group", TEAM), UNTAGGED))
                .isEqualTo(DriftMode.REPORT);
    }

    @Test
    void everyChangedAttributeMustMatchTheRule() {
        DriftRules tags = new DriftRules(List.of(rule("aws_security_group", "tags.*", "*", DriftMode.REVERT)));

        assertThat(tags.modeFor(changed("aws_security_group", TEAM), UNTAGGED)).isEqualTo(DriftMode.REVERT);
        assertThat(tags.modeFor(changed("aws_security_group", TEAM, INGRESS), UNTAGGED))
                .isEqualTo(DriftMode.REPORT);
        assertThat(tags.modeFor(changed("aws_instance", TEAM), UNTAGGED)).isEqualTo(DriftMode.REPORT);
    }

    @Test
    void whenRulesDisagreeTheOneThatWritesLeastWins() {
        DriftRules rules = new DriftRules(List.of(
                rule("*", "**", "*", DriftMode.REVERT),
                rule("aws_security_group", "tags.*", "*", DriftMode.APPROVE),
                rule("*", "**", "111111111111", DriftMode.TICKET)));

        assertThat(rules.modeFor(changed("aws_instance", INGRESS), UNTAGGED)).isEqualTo(DriftMode.REVERT);
        assertThat(rules.modeFor(changed("aws_security_group", TEAM), UNTAGGED)).isEqualTo(DriftMode.APPROVE);
        assertThat(rules.modeFor(changed("aws_security_group", List.of(TEAM), "111111111111"), UNTAGGED))
                .isEqualTo(DriftMode.TICKET);
    }

    @Test
    void aRuleNamingATagMatchesOnlyResourcesCarryingItAndUnknownTagsNeverLetItWrite() {
        DriftRules rules = new DriftRules(List.of(
                rule("*", "**", "*", DriftMode.REVERT, "env=sandbox"),
                rule("*", "**", "*", DriftMode.TICKET, "owner")));
        FindingView finding = changed("aws_instance", INGRESS);

        assertThat(rules.modeFor(finding, () -> Optional.of(Map.of("env", "sandbox"))))
                .isEqualTo(DriftMode.REVERT);
        assertThat(rules.modeFor(finding, () -> Optional.of(Map.of("env", "prod"))))
                .isEqualTo(DriftMode.REPORT);
        assertThat(rules.modeFor(finding, () -> Optional.of(Map.of("env", "sandbox", "owner", "x"))))
                .isEqualTo(DriftMode.TICKET);
        assertThat(rules.modeFor(finding, Optional::empty))
                .as("tags unknown: the revert rule is not taken, the ticket rule is")
                .isEqualTo(DriftMode.TICKET);
    }

    @Test
    void tagsAreNotAskedForWhenNoMatchingRuleNamesOne() {
        DriftRules rules = new DriftRules(List.of(rule("*", "tags.*", "*", DriftMode.REVERT)));

        assertThat(rules.modeFor(changed("aws_instance", TEAM), () -> {
                    throw new AssertionError("tags asked for");
                }))
                .isEqualTo(DriftMode.REVERT);
    }

    private static FindingView changed(String type, AttributeDiff... diffs) {
        return changed(type, List.of(diffs), "222222222222");
    }

    private static FindingView changed(String type, List<AttributeDiff> diffs, String account) {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return new FindingView(
                1,
                "f",
                FindingKind.CHANGED,
                FindingStatus.OPEN,
                1,
                account,
                "us-east-1",
                type,
                "id-1",
                null,
                null,
                null,
                null,
                List.of(),
                "aws_x.y",
                "s.tfstate",
                diffs,
                now,
                now,
                null,
                null);
    }

    private static DriftRule rule(String type, String attribute, String account, DriftMode mode) {
        return rule(type, attribute, account, mode, null);
    }

    private static DriftRule rule(String type, String attribute, String account, DriftMode mode, String tag) {
        return new DriftRule() {
            @Override
            public Optional<String> tag() {
                return Optional.ofNullable(tag);
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public String attribute() {
                return attribute;
            }

            @Override
            public String account() {
                return account;
            }

            @Override
            public DriftMode mode() {
                return mode;
            }
        };
    }
}
