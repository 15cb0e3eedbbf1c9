package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.Policy;
import dev.driftwatch.policy.PolicyEvaluator;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A policy's remediation {@code precondition}, evaluated on the resource as the latest scan read it (the snapshot
 * the violation was found on). Fail closed: no snapshot, or an expression that errs, is a refusal, never a pass.
 */
@ApplicationScoped
class Preconditions {

    private final ScannedResources scanned;
    private final PolicyEvaluator evaluator;

    Preconditions(ScannedResources scanned, PolicyEvaluator evaluator) {
        this.scanned = scanned;
        this.evaluator = evaluator;
    }

    /** @return why nothing may be written; empty when the precondition holds or the policy has none */
    Optional<String> refusal(Policy policy, FindingView finding) {
        if (policy.precondition() == null) {
            return Optional.empty();
        }
        String when = policy.definition().remediation().precondition();
        Optional<CloudResource> resource = scanned.of(finding);
        if (resource.isEmpty()) {
            return Optional.of(SkipReason.PRECONDITION.because(
                    "no snapshot of " + finding.resourceId() + " to check '" + when + "' on"));
        }
        try {
            return evaluator.preconditionHolds(policy, resource.get())
                    ? Optional.empty()
                    : Optional.of(SkipReason.PRECONDITION.because("'" + when + "' does not hold"));
        } catch (IllegalStateException e) {
            return Optional.of(SkipReason.PRECONDITION.because(e.getMessage()));
        }
    }
}
