package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.PolicyRegistry;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.action.RemediationActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what to do about a finding event and records the decision. Violations follow their policy's
 * {@code remediation} section; drift is only reported so far, and UNMANAGED and MISSING findings never get a
 * remediation: it changes settings, it never creates or deletes resources.
 */
@ApplicationScoped
public class RemediationIntake {

    private final Remediations remediations;
    private final FindingQueries findings;
    private final RemediationActions actions;
    private final PolicyRegistry policies;
    private final RemediationDecider decider;
    private final Clock clock;

    RemediationIntake(
            Remediations remediations,
            FindingQueries findings,
            RemediationActions actions,
            PolicyRegistry policies,
            RemediationConfig config,
            Clock clock) {
        this.remediations = remediations;
        this.findings = findings;
        this.actions = actions;
        this.policies = policies;
        this.decider = new RemediationDecider(config);
        this.clock = clock;
    }

    /** One transaction: the finding read as it is now, and the decision recorded. */
    @Transactional
    public void receive(FindingEvent event) {
        FindingView finding = event.data();
        switch (event.change()) {
            case RESOLVED, ACCEPTED ->
                remediations.cancelInFlight(
                        finding.fingerprint(),
                        SkipReason.RESOLVED.because(
                                "the finding was " + event.change().name().toLowerCase()));
            case OPENED, UPDATED -> {
                RemediationSpec spec = finding.remediation();
                if (isCurrent(finding)
                        && finding.status() == FindingStatus.OPEN
                        && finding.kind() == FindingKind.VIOLATION
                        && spec != null
                        && (spec.mode() == RemediationSpec.Mode.AUTO || spec.mode() == RemediationSpec.Mode.APPROVE)) {
                    RemediationMode mode =
                            spec.mode() == RemediationSpec.Mode.AUTO ? RemediationMode.AUTO : RemediationMode.APPROVE;
                    remediations.record(decide(finding, spec, mode, Remediations.DRIFTWATCH));
                }
            }
        }
    }

    /**
     * Whether the event tells the finding as it still is: a replayed or late event of an older version, or of a
     * finding resolved since, decides nothing.
     */
    private boolean isCurrent(FindingView event) {
        return findings.byId(event.id())
                .filter(now -> now.version() == event.version() && now.status() == FindingStatus.OPEN)
                .isPresent();
    }

    /**
     * A person asks for a violation's fix: it always waits for approval, by someone else.
     *
     * @return the recorded remediation; empty when one is already in flight or was asked for this version
     * @throws IllegalArgumentException when the finding cannot be remediated at all
     */
    public Optional<RemediationView> request(FindingView finding, String principal) {
        RemediationSpec spec = finding.remediation();
        if (finding.kind() != FindingKind.VIOLATION || finding.status() != FindingStatus.OPEN) {
            throw new IllegalArgumentException("only open violations can be remediated; finding " + finding.id()
                    + " is " + finding.status() + " " + finding.kind());
        }
        if (spec == null || spec.action() == null) {
            throw new IllegalArgumentException(
                    "policy " + finding.policyId() + " names no remediation action; it can only be reported");
        }
        return remediations
                .record(decide(finding, spec, RemediationMode.APPROVE, principal))
                .map(RemediationView::of);
    }

    private NewRemediation decide(FindingView finding, RemediationSpec spec, RemediationMode mode, String requester) {
        Optional<Map<String, Object>> variables = policies.current().policies().stream()
                .filter(p -> p.id().equals(finding.policyId()))
                .findFirst()
                .map(p -> p.definition().variables() == null
                        ? Map.of()
                        : p.definition().variables());
        return decider.decide(finding, spec, mode, requester, actions.named(spec.action()), variables, clock.instant());
    }
}
