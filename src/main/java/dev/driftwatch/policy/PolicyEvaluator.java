package dev.driftwatch.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Evaluates every policy in force on the resources a scan read. */
@ApplicationScoped
public class PolicyEvaluator {

    private static final Logger LOG = Logger.getLogger(PolicyEvaluator.class);

    /**
     * @param failedPolicies policies that could not be evaluated on some resource: their findings must
     *                       not be resolved by this scan
     */
    public record Outcome(List<PolicyViolation> violations, Set<String> failedPolicies) {
    }

    private final PolicyRegistry registry;
    private final PolicyConfig config;

    PolicyEvaluator(PolicyRegistry registry, PolicyConfig config) {
        this.registry = registry;
        this.config = config;
    }

    public Outcome evaluate(List<CloudResource> resources) {
        return evaluate(registry.current().policies(), resources, config.requiredTags());
    }

    /** @param requiredTags overrides every policy's {@code required_tags} variable when present */
    static Outcome evaluate(List<Policy> policies, List<CloudResource> resources, Optional<List<String>> requiredTags) {
        List<PolicyViolation> violations = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        Map<CloudResource, Map<String, Object>> values = new HashMap<>();
        for (Policy policy : policies) {
            Map<String, Object> vars = variables(policy, requiredTags);
            for (CloudResource resource : resources) {
                if (!policy.applies(resource)) {
                    continue;
                }
                try {
                    String message = policy.check(Map.of("resource", values.computeIfAbsent(resource, CelValues::of), "vars", vars));
                    if (message != null) {
                        violations.add(new PolicyViolation(policy.definition(), resource, message));
                    }
                } catch (CelEvaluationException | RuntimeException e) {
                    if (failed.add(policy.id())) {
                        LOG.errorf("Policy %s could not be evaluated on %s %s: %s", policy.id(), resource.type(), resource.id(),
                                e.getMessage());
                    }
                }
            }
        }
        return new Outcome(violations, failed);
    }

    private static Map<String, Object> variables(Policy policy, Optional<List<String>> requiredTags) {
        Map<String, Object> vars = new HashMap<>();
        policy.definition().variables().forEach((k, v) -> vars.put(k, CelValues.convert(v)));
        requiredTags.ifPresent(tags -> vars.put("required_tags", List.copyOf(tags)));
        return vars;
    }
}
