package dev.driftwatch.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.driftwatch.resource.CloudResource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Evaluates every policy in force on the resources a scan read. */
@ApplicationScoped
public class PolicyEvaluator {

    private static final Logger LOG = Logger.getLogger(PolicyEvaluator.class);

    /**
     * @param failedPolicies      policies that could not be evaluated on some resource: their findings must
     *                            not be resolved by this scan
     * @param inForce             the policies evaluated
     * @param unusableDirectories policy directories that could not be read: what they hold is unknown
     */
    public record Outcome(
            List<PolicyViolation> violations,
            Set<String> failedPolicies,
            Set<String> inForce,
            List<PolicyError> unusableDirectories) {

        /**
         * The policies whose findings this scan must not resolve: those that failed and, while a policy directory
         * cannot be read, every policy that has findings and is not in force, since it may be one of that
         * directory's (after a restart nothing else can tell).
         *
         * @param withFindings asked only when a directory cannot be read: the policies that have open findings
         */
        public Set<String> unevaluated(Supplier<Set<String>> withFindings) {
            if (unusableDirectories.isEmpty()) {
                return failedPolicies;
            }
            Set<String> unevaluated = new HashSet<>(failedPolicies);
            withFindings.get().stream().filter(id -> !inForce.contains(id)).forEach(unevaluated::add);
            return unevaluated;
        }
    }

    private final PolicyRegistry registry;
    private final PolicyConfig config;
    private final MeterRegistry meters;

    PolicyEvaluator(PolicyRegistry registry, PolicyConfig config, MeterRegistry meters) {
        this.registry = registry;
        this.config = config;
        this.meters = meters;
    }

    public Outcome evaluate(List<CloudResource> resources) {
        LoadedPolicies loaded = registry.current();
        Outcome outcome = evaluate(loaded.policies(), resources, config.requiredTags(), config.maxEvaluationTime());
        outcome.failedPolicies().forEach(id -> meters.counter("driftwatch.policy.evaluation.failures", "policy", id)
                .increment());
        return new Outcome(
                outcome.violations(), outcome.failedPolicies(), outcome.inForce(), loaded.unusableDirectories());
    }

    /** A policy's variables as its expressions see them (with {@code driftwatch.policy.required-tags} applied). */
    public Map<String, Object> variablesOf(Policy policy) {
        return variables(policy, config.requiredTags());
    }

    /**
     * Whether a policy's remediation precondition holds on a resource; true when the policy has none.
     *
     * @throws IllegalStateException when it cannot be evaluated (an error, or past the time limit): nothing is to be
     *     concluded from it
     */
    public boolean preconditionHolds(Policy policy, CloudResource resource) {
        try {
            Map<String, Object> input =
                    Map.of("resource", CelValues.of(resource), "vars", variables(policy, config.requiredTags()));
            return policy.preconditionHolds(input, config.maxEvaluationTime());
        } catch (EvaluationDeadline.Exceeded | CelEvaluationException | RuntimeException e) {
            throw new IllegalStateException(
                    "the precondition of policy " + policy.id() + " could not be evaluated: " + e.getMessage(), e);
        }
    }

    /**
     * A policy that fails on a resource is reported failed and still evaluated on the others; one that runs
     * past {@code timeLimit} on a resource is stopped for the rest of this evaluation, so a slow expression
     * costs a scan at most {@code timeLimit} once.
     *
     * @param requiredTags overrides every policy's {@code required_tags} variable when present
     * @param timeLimit    per resource
     */
    static Outcome evaluate(
            List<Policy> policies,
            List<CloudResource> resources,
            Optional<List<String>> requiredTags,
            Duration timeLimit) {
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
                    Map<String, Object> input =
                            Map.of("resource", values.computeIfAbsent(resource, CelValues::of), "vars", vars);
                    String message = policy.check(input, timeLimit);
                    if (message != null) {
                        violations.add(new PolicyViolation(policy.definition(), resource, message));
                    }
                } catch (EvaluationDeadline.Exceeded e) {
                    failed.add(policy.id());
                    LOG.errorf(
                            "Policy %s stopped for this scan: on %s %s its %s",
                            policy.id(), resource.type(), resource.id(), e.getMessage());
                    break;
                } catch (CelEvaluationException | RuntimeException e) {
                    if (failed.add(policy.id())) {
                        LOG.errorf(
                                "Policy %s could not be evaluated on %s %s: %s",
                                policy.id(), resource.type(), resource.id(), e.getMessage());
                    }
                }
            }
        }
        return new Outcome(
                violations, failed, policies.stream().map(Policy::id).collect(Collectors.toSet()), List.of());
    }

    private static Map<String, Object> variables(Policy policy, Optional<List<String>> requiredTags) {
        Map<String, Object> vars = new HashMap<>();
        policy.definition().variables().forEach((k, v) -> vars.put(k, CelValues.convert(v)));
        requiredTags.ifPresent(tags -> vars.put("required_tags", List.copyOf(tags)));
        return vars;
    }
}
