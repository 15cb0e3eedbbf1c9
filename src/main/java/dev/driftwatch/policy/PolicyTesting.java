package dev.driftwatch.policy;

import dev.driftwatch.resource.CloudResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Evaluates one policy outside the service: for the command-line check and for tests of the pack. */
public final class PolicyTesting {

    /** The service's default limit per resource. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(1);

    private PolicyTesting() {
    }

    /** @throws IllegalStateException when the policy cannot be evaluated on one of the resources */
    public static List<PolicyViolation> evaluate(Policy policy, List<CloudResource> resources) {
        PolicyEvaluator.Outcome outcome = PolicyEvaluator.evaluate(List.of(policy), resources, Optional.empty(), TIME_LIMIT);
        if (!outcome.failedPolicies().isEmpty()) {
            throw new IllegalStateException("policy " + policy.id() + " could not be evaluated on every resource (see the log)");
        }
        return outcome.violations();
    }
}
