package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.PolicyEvaluator;
import dev.driftwatch.policy.PolicyRegistry;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.action.RemediationActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides what to do about a finding event and records the decision. Violations follow their policy's
 * {@code remediation} section, drift the drift rules of the configuration; UNMANAGED and MISSING findings never get
 * a remediation: it changes settings, it never creates or deletes resources.
 */
@ApplicationScoped
public class RemediationIntake {

    private final Remediations remediations;
    private final FindingQueries findings;
    private final RemediationActions actions;
    private final PolicyRegistry policies;
    private final PolicyEvaluator evaluator;
    private final Preconditions preconditions;
    private final ScannedResources scanned;
    private final ScanCap scanCap;
    private final RemediationDecider decider;
    private final DriftRules driftRules;
    private final Clock clock;

    RemediationIntake(
            Remediations remediations,
            FindingQueries findings,
            RemediationActions actions,
            PolicyRegistry policies,
            PolicyEvaluator evaluator,
            Preconditions preconditions,
            ScannedResources scanned,
            ScanCap scanCap,
            RemediationConfig config,
            Clock clock) {
        this.remediations = remediations;
        this.findings = findings;
        this.actions = actions;
        this.policies = policies;
        this.evaluator = evaluator;
        this.preconditions = preconditions;
        this.scanned = scanned;
        this.scanCap = scanCap;
        this.decider = new RemediationDecider(config);
        this.driftRules = new DriftRules(config.driftRules().values());
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
                if (finding.status() == FindingStatus.OPEN) {
                    // the database is asked only about findings that get a remediation (not every UNMANAGED one)
                    decideOn(finding)
                            .filter(decided -> isCurrent(finding))
                            .map(scanCap::apply)
                            .ifPresent(remediations::record);
                }
            }
        }
    }

    /** Violations as their policy says; drift as the drift rules say; UNMANAGED and MISSING never. */
    private Optional<NewRemediation> decideOn(FindingView finding) {
        if (finding.kind() == FindingKind.VIOLATION) {
            RemediationSpec spec = finding.remediation();
            if (spec == null
                    || spec.mode() == RemediationSpec.Mode.TICKET
                    || spec.mode() == RemediationSpec.Mode.REPORT) {
                return Optional.empty();
            }
            RemediationMode mode =
                    spec.mode() == RemediationSpec.Mode.AUTO ? RemediationMode.AUTO : RemediationMode.APPROVE;
            return Optional.of(decide(finding, spec, mode, Remediations.DRIFTWATCH));
        }
        if (finding.kind() == FindingKind.CHANGED) {
            return switch (driftRules.modeFor(finding, () -> scanned.tagsOf(finding))) {
                case REVERT -> Optional.of(revert(finding, RemediationMode.AUTO));
                case APPROVE -> Optional.of(revert(finding, RemediationMode.APPROVE));
                case TICKET, REPORT -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private NewRemediation revert(FindingView finding, RemediationMode mode) {
        DriftRevert revert = DriftRevert.of(finding, actions.all());
        RemediationSpec spec = new RemediationSpec(
                mode == RemediationMode.AUTO ? RemediationSpec.Mode.AUTO : RemediationSpec.Mode.APPROVE,
                revert.action(),
                null);
        return decider.decide(
                finding,
                spec,
                mode,
                Remediations.DRIFTWATCH,
                actions.named(revert.action()),
                Optional.of(CurrentPolicy.unconditional(revert.parameters())),
                clock.instant());
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
        Optional<CurrentPolicy> policy = policies.current().policies().stream()
                .filter(p -> p.id().equals(finding.policyId()))
                .findFirst()
                .map(p -> new CurrentPolicy(
                        evaluator.variablesOf(p),
                        preconditions.refusal(p, finding),
                        p.definition().approvals()));
        return decider.decide(finding, spec, mode, requester, actions.named(spec.action()), policy, clock.instant());
    }
}
