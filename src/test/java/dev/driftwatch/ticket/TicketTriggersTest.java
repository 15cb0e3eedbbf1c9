package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.PolicyDefinition.Severity;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.DriftRules;
import dev.driftwatch.remediation.RemediationConfig.DriftMode;
import dev.driftwatch.remediation.RemediationConfig.DriftRule;
import dev.driftwatch.resource.AttributeDiff;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which open findings get a ticket: ticket mode, a drift rule saying ticket, or an open-at rule; never a guess. */
class TicketTriggersTest {

    private static final AttributeDiff TEAM = new AttributeDiff("tags.Team", "web", "ops");
    private static final AttributeDiff INGRESS = new AttributeDiff("ingress", List.of(), List.of("x"));
    private static final ResourceTags PROD = f -> Optional.of(Map.of("env", "prod"));
    private static final DriftRules NO_DRIFT_RULES = new DriftRules(List.of());

    record Rule(String type, String attribute, String account, Optional<String> tag, DriftMode mode)
            implements DriftRule {}

    record OpenAt(Severity severity, String account, String type, Map<String, String> tags)
            implements TicketConfig.OpenAt {

        static OpenAt from(Severity severity) {
            return new OpenAt(severity, "*", "*", Map.of());
        }
    }

    @Test
    void aViolationGetsATicketOnlyWhenItsPolicySaysTicket() {
        TicketTriggers none = new TicketTriggers(NO_DRIFT_RULES, List.of(), ResourceTags.UNKNOWN);

        assertThat(none.wantsTicket(violation("HIGH", RemediationSpec.Mode.TICKET)))
                .isTrue();
        assertThat(none.wantsTicket(violation("HIGH", RemediationSpec.Mode.REPORT)))
                .isFalse();
        assertThat(none.wantsTicket(violation("HIGH", null))).isFalse();
        assertThat(none.wantsTicket(resolved(violation("HIGH", RemediationSpec.Mode.TICKET))))
                .as("a resolved finding opens nothing")
                .isFalse();
    }

    @Test
    void driftGetsATicketWhenItsDriftRulesSayTicket() {
        TicketTriggers triggers = new TicketTriggers(
                new DriftRules(List.of(
                        new Rule("aws_security_group", "ingress", "*", Optional.empty(), DriftMode.TICKET),
                        new Rule("*", "tags.*", "*", Optional.empty(), DriftMode.REVERT))),
                List.of(),
                ResourceTags.UNKNOWN);

        assertThat(triggers.wantsTicket(changed("aws_security_group", INGRESS))).isTrue();
        assertThat(triggers.wantsTicket(changed("aws_instance", INGRESS)))
                .as("no rule for the type: reported only")
                .isFalse();
        assertThat(triggers.wantsTicket(changed("aws_security_group", TEAM)))
                .as("a revert rule: no ticket")
                .isFalse();
        assertThat(triggers.wantsTicket(changed("aws_security_group", INGRESS, TEAM)))
                .as("neither rule covers every changed attribute: reported only")
                .isFalse();
    }

    @Test
    void aDriftRuleNamingATagOpensATicketOnlyWhenTheTagsAreKnownToCarryIt() {
        DriftRules byTag = new DriftRules(List.of(new Rule("*", "**", "*", Optional.of("env=prod"), DriftMode.TICKET)));

        assertThat(new TicketTriggers(byTag, List.of(), PROD).wantsTicket(changed("aws_instance", INGRESS)))
                .isTrue();
        assertThat(new TicketTriggers(byTag, List.of(), f -> Optional.of(Map.of("env", "dev")))
                        .wantsTicket(changed("aws_instance", INGRESS)))
                .isFalse();
        assertThat(new TicketTriggers(byTag, List.of(), ResourceTags.UNKNOWN)
                        .wantsTicket(changed("aws_instance", INGRESS)))
                .as("tags unknown: the rule cannot be told to match, so no ticket on a guess")
                .isFalse();
    }

    @Test
    void everyOpenFindingAtOrAboveTheSeverityGetsATicket() {
        TicketTriggers fromHigh = new TicketTriggers(NO_DRIFT_RULES, List.of(OpenAt.from(Severity.HIGH)), PROD);

        assertThat(fromHigh.wantsTicket(violation("HIGH", RemediationSpec.Mode.REPORT)))
                .isTrue();
        assertThat(fromHigh.wantsTicket(violation("critical", null))).isTrue();
        assertThat(fromHigh.wantsTicket(violation("MEDIUM", RemediationSpec.Mode.REPORT)))
                .isFalse();
        assertThat(fromHigh.wantsTicket(violation("SEVERE", null)))
                .as("a severity driftwatch does not know is none")
                .isFalse();
        assertThat(fromHigh.wantsTicket(changed("aws_instance", INGRESS)))
                .as("drift stored before it had a severity")
                .isFalse();
        assertThat(fromHigh.wantsTicket(resolved(violation("CRITICAL", null)))).isFalse();
    }

    @Test
    void driftAtOrAboveAnOpenAtRulesSeverityGetsATicketWithoutADriftRule() {
        TicketTriggers fromHigh = new TicketTriggers(
                NO_DRIFT_RULES, List.of(new OpenAt(Severity.HIGH, "*", "aws_security_group", Map.of())), PROD);

        assertThat(fromHigh.wantsTicket(withSeverity(changed("aws_security_group", INGRESS), "HIGH")))
                .isTrue();
        assertThat(fromHigh.wantsTicket(withSeverity(unmanaged("aws_security_group"), "CRITICAL")))
                .isTrue();
        assertThat(fromHigh.wantsTicket(withSeverity(changed("aws_security_group", TEAM), "MEDIUM")))
                .as("below the rule's severity")
                .isFalse();
        assertThat(fromHigh.wantsTicket(resolved(withSeverity(changed("aws_security_group", INGRESS), "HIGH"))))
                .isFalse();
    }

    @Test
    void anOpenAtRuleNarrowedByAccountTypeAndTags() {
        OpenAt prodNetwork = new OpenAt(Severity.LOW, "111111111111", "aws_security_group", Map.of("env", "prod"));
        FindingView finding = violation("LOW", null);

        assertThat(new TicketTriggers(NO_DRIFT_RULES, List.of(prodNetwork), PROD).wantsTicket(finding))
                .isTrue();
        assertThat(new TicketTriggers(NO_DRIFT_RULES, List.of(new OpenAt(Severity.LOW, "2", "*", Map.of())), PROD)
                        .wantsTicket(finding))
                .as("another account")
                .isFalse();
        assertThat(new TicketTriggers(
                                NO_DRIFT_RULES, List.of(new OpenAt(Severity.LOW, "*", "aws_instance", Map.of())), PROD)
                        .wantsTicket(finding))
                .as("another type")
                .isFalse();
        assertThat(new TicketTriggers(NO_DRIFT_RULES, List.of(prodNetwork), f -> Optional.of(Map.of()))
                        .wantsTicket(finding))
                .as("untagged")
                .isFalse();
        assertThat(new TicketTriggers(NO_DRIFT_RULES, List.of(prodNetwork), ResourceTags.UNKNOWN).wantsTicket(finding))
                .as("tags unknown: the rule cannot be evaluated, so it does not match")
                .isFalse();
    }

    @Test
    void tagsAreReadOnceAndOnlyWhenARuleAsksForThem() {
        AtomicInteger reads = new AtomicInteger();
        ResourceTags counted = f -> {
            reads.incrementAndGet();
            return Optional.of(Map.of());
        };
        new TicketTriggers(NO_DRIFT_RULES, List.of(OpenAt.from(Severity.LOW)), counted)
                .wantsTicket(violation("HIGH", null));
        assertThat(reads).hasValue(0);

        OpenAt tagged = new OpenAt(Severity.LOW, "*", "*", Map.of("env", "prod"));
        new TicketTriggers(
                        new DriftRules(List.of(new Rule("*", "**", "*", Optional.of("env"), DriftMode.TICKET))),
                        List.of(tagged, tagged),
                        counted)
                .wantsTicket(withSeverity(changed("aws_instance", INGRESS), "HIGH"));
        assertThat(reads).hasValue(1);
    }

    private static FindingView violation(String severity, RemediationSpec.Mode mode) {
        return view(
                FindingKind.VIOLATION,
                "aws_security_group",
                severity,
                List.of(),
                mode == null ? null : new RemediationSpec(mode, null, null));
    }

    private static FindingView changed(String type, AttributeDiff... diffs) {
        return view(FindingKind.CHANGED, type, null, List.of(diffs), null);
    }

    private static FindingView unmanaged(String type) {
        return view(FindingKind.UNMANAGED, type, null, List.of(), null);
    }

    private static FindingView resolved(FindingView f) {
        return new FindingView(
                f.id(),
                f.fingerprint(),
                f.kind(),
                FindingStatus.RESOLVED,
                f.version(),
                f.account(),
                f.region(),
                f.type(),
                f.resourceId(),
                f.policyId(),
                f.severity(),
                f.title(),
                f.message(),
                f.references(),
                f.address(),
                f.stateFile(),
                f.diffs(),
                f.firstSeen(),
                f.lastSeen(),
                f.lastSeen(),
                f.remediation());
    }

    private static FindingView withSeverity(FindingView f, String severity) {
        return new FindingView(
                f.id(),
                f.fingerprint(),
                f.kind(),
                f.status(),
                f.version(),
                f.account(),
                f.region(),
                f.type(),
                f.resourceId(),
                f.policyId(),
                severity,
                f.title(),
                f.message(),
                f.references(),
                f.address(),
                f.stateFile(),
                f.diffs(),
                f.firstSeen(),
                f.lastSeen(),
                f.resolvedAt(),
                f.remediation());
    }

    private static FindingView view(
            FindingKind kind, String type, String severity, List<AttributeDiff> diffs, RemediationSpec remediation) {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return new FindingView(
                1,
                "fp",
                kind,
                FindingStatus.OPEN,
                1,
                "111111111111",
                "us-east-1",
                type,
                "r-1",
                kind == FindingKind.VIOLATION ? "p" : null,
                severity,
                "title",
                "message",
                List.of(),
                "aws_x.y",
                "s.tfstate",
                diffs,
                now,
                now,
                null,
                remediation);
    }
}
