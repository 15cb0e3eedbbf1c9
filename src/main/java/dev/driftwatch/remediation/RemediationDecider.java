package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.action.RemediationAction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
     * @param action    the action the policy names, if driftwatch has it
     * @param variables the policy's variables, if the policy is still loaded
     */
    NewRemediation decide(
            FindingView finding,
            RemediationSpec spec,
            RemediationMode mode,
            String requester,
            Optional<RemediationAction> action,
            Optional<Map<String, Object>> variables,
            Instant now) {
        String skipped = skipReason(finding, spec, action, variables);
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
                variables.orElse(Map.of()),
                mode,
                status,
                skipped,
                requester,
                mode == RemediationMode.APPROVE ? config.approvalsRequired() : 0,
                config.dryRun(),
                status == RemediationStatus.AWAITING_APPROVAL ? now.plus(config.approvalTimeout()) : null);
    }

    private String skipReason(
            FindingView finding,
            RemediationSpec spec,
            Optional<RemediationAction> action,
            Optional<Map<String, Object>> variables) {
        if (action.isEmpty()) {
            return SkipReason.NO_ACTION.because("driftwatch has no action named '" + spec.action() + "'");
        }
        if (!action.get().resourceTypes().contains(finding.type())) {
            return SkipReason.NO_ACTION.because(spec.action() + " fixes "
                    + String.join(", ", new TreeSet<>(action.get().resourceTypes())) + ", not "
                    + finding.type());
        }
        if (variables.isEmpty()) {
            return SkipReason.NO_ACTION.because("policy " + finding.policyId() + " is no longer loaded");
        }
        if (spec.precondition() != null) {
            // fail closed: a condition that cannot be checked is not taken to hold
            return SkipReason.PRECONDITION.because("preconditions are not evaluated yet: " + spec.precondition());
        }
        if (!config.writesIn(finding.account())) {
            return SkipReason.REPORT_ONLY.because(
                    "account " + finding.account() + " is not listed in driftwatch.remediation.accounts");
        }
        return null;
    }
}
