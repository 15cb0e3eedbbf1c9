package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.action.RemediationAction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a violation's remediation starts as: planned (auto), awaiting approval, or skipped with the reason when
 * nothing may be written (no such action, the wrong type, the policy gone, a precondition, a report-only account).
 */
final class RemediationDecider {

    private final RemediationConfig config;

    RemediationDecider(RemediationConfig config) {
        this.config = config;
    }

    /**
     * @param action the action the policy names, if driftwatch has it
     * @param policy the policy as loaded now; empty when it no longer is
     */
    NewRemediation decide(
            FindingView finding,
            RemediationSpec spec,
            RemediationMode mode,
            String requester,
            Optional<RemediationAction> action,
            Optional<CurrentPolicy> policy,
            Instant now) {
        String skipped = skipReason(finding, spec, action, policy);
        RemediationStatus status = skipped != null
                ? RemediationStatus.SKIPPED
                : mode == RemediationMode.AUTO ? RemediationStatus.PLANNED : RemediationStatus.AWAITING_APPROVAL;
        return new NewRemediation(
                finding.fingerprint(),
                finding.id(),
                finding.version(),
                finding.account(),
                finding.region(),
                finding.type(),
                finding.resourceId(),
                finding.policyId(),
                spec.action(),
                policy.map(CurrentPolicy::variables).orElse(Map.of()),
                mode,
                status,
                skipped,
                requester,
                mode == RemediationMode.APPROVE ? approvals(policy) : 0,
                config.dryRun(),
                status == RemediationStatus.AWAITING_APPROVAL ? now.plus(config.approvalTimeout()) : null,
                finding.lastSeen());
    }

    /** The policy's own number of approvers, else the configured one. */
    private int approvals(Optional<CurrentPolicy> policy) {
        return policy.map(CurrentPolicy::approvals).filter(n -> n > 0).orElse(config.approvalsRequired());
    }

    private String skipReason(
            FindingView finding,
            RemediationSpec spec,
            Optional<RemediationAction> action,
            Optional<CurrentPolicy> policy) {
        if (action.isEmpty()) {
            return SkipReason.NO_ACTION.because("driftwatch has no action named '" + spec.action() + "'");
        }
        if (!action.get().resourceTypes().contains(finding.type())) {
            return SkipReason.NO_ACTION.because(spec.action() + " fixes "
                    + String.join(", ", new TreeSet<>(action.get().resourceTypes())) + ", not "
                    + finding.type());
        }
        if (policy.isEmpty()) {
            return SkipReason.NO_ACTION.because("policy " + finding.policyId() + " is no longer loaded");
        }
        if (policy.get().preconditionRefusal().isPresent()) {
            return policy.get().preconditionRefusal().get();
        }
        if (config.excludedTypes().orElse(Set.of()).contains(finding.type())) {
            return SkipReason.REPORT_ONLY.because(
                    finding.type() + " is listed in driftwatch.remediation.excluded-types");
        }
        if (!config.writesIn(finding.account())) {
            return SkipReason.REPORT_ONLY.because(
                    "account " + finding.account() + " is not listed in driftwatch.remediation.accounts");
        }
        return null;
    }
}
