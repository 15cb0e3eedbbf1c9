package dev.driftwatch.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.driftwatch.resource.CloudResource;
import java.time.Duration;
import java.util.Map;

/**
 * A policy compiled once and evaluated per resource.
 *
 * @param precondition its remediation's {@code precondition}, {@code null} when it has none
 */
public record Policy(
        PolicyDefinition definition,
        CelRuntime.Program violation,
        CelRuntime.Program message,
        CelRuntime.Program precondition) {

    public String id() {
        return definition.id();
    }

    boolean applies(CloudResource resource) {
        PolicyDefinition.Scope scope = definition.scope();
        Map<?, ?> tags = resource.attributes().get("tags") instanceof Map<?, ?> m ? m : Map.of();
        return resource.type().equals(definition.resource())
                && (scope.accounts().isEmpty() || scope.accounts().contains(resource.account()))
                && (scope.regions().isEmpty() || scope.regions().contains(resource.region()))
                && scope.includeTags().entrySet().stream()
                        .allMatch(t -> t.getValue().equals(tags.get(t.getKey())))
                && scope.excludeTags().entrySet().stream()
                        .noneMatch(t -> t.getValue().equals(tags.get(t.getKey())));
    }

    /**
     * @param timeLimit for the condition and the message together
     * @return the violation's message, or {@code null} when the resource complies
     * @throws EvaluationDeadline.Exceeded when the evaluation runs past {@code timeLimit}
     */
    String check(Map<String, Object> variables, Duration timeLimit) throws CelEvaluationException {
        EvaluationDeadline deadline = new EvaluationDeadline(timeLimit);
        if (!Boolean.TRUE.equals(violation.trace(variables, deadline))) {
            return null;
        }
        return String.valueOf(message.trace(variables, deadline));
    }

    /**
     * @param timeLimit for the precondition
     * @return whether the remediation's precondition holds; true when it has none
     * @throws EvaluationDeadline.Exceeded when the evaluation runs past {@code timeLimit}
     */
    boolean preconditionHolds(Map<String, Object> variables, Duration timeLimit) throws CelEvaluationException {
        return precondition == null
                || Boolean.TRUE.equals(precondition.trace(variables, new EvaluationDeadline(timeLimit)));
    }
}
