package dev.driftwatch.remediation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The policy behind a remediation as it is loaded now (drift reverts have none of their own: their parameters come
 * from the finding).
 *
 * @param variables           what the action is given, e.g. the policy's {@code min_days}
 * @param preconditionRefusal why its precondition lets nothing be written (it does not hold, or could not be
 *                            evaluated); empty when it holds or there is none
 * @param approvals           distinct approvers it asks for; 0: as configured
 */
record CurrentPolicy(Map<String, Object> variables, Optional<String> preconditionRefusal, int approvals) {

    CurrentPolicy {
        // not Map.copyOf: a policy variable may be null
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Parameters with no precondition to check. */
    static CurrentPolicy unconditional(Map<String, Object> variables) {
        return new CurrentPolicy(variables, Optional.empty(), 0);
    }
}
