package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Adds an instance's missing required tags (the policy's {@code required_tags}, or
 * {@code driftwatch.policy.required-tags} where set) with the values of the policy's {@code tag_defaults}, one
 * CreateTags call. Safe: it only adds keys the instance does not have; a tag already present is never changed, even
 * an empty one. When a missing tag has no default, nothing is written at all (cannot fix): a half-tagged instance
 * would hide that a person must decide.
 */
@ApplicationScoped
public class AddRequiredTags implements RemediationAction {

    @Override
    public String name() {
        return "add-required-tags";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeInstances", "ec2:CreateTags");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        Optional<Instance> found = Ec2Instances.find(session, target.resourceId());
        if (found.isEmpty()) {
            return Reading.gone();
        }
        return check(found.get().instanceId(), Ec2Tags.of(found.get().tags()), target.parameters());
    }

    /** What an instance with these tags needs, by the policy's variables. */
    static Reading check(String instanceId, Map<String, String> tags, Map<String, Object> variables) {
        List<String> required = variables.get("required_tags") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        Map<?, ?> defaults = variables.get("tag_defaults") instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> add = new TreeMap<>();
        for (String key : required) {
            String value = tags.get(key);
            if (value != null && !value.isEmpty()) {
                continue;
            }
            if (value != null) {
                return Reading.cannotFix(
                        tags, "tag '" + key + "' is present but empty, and present tags are not changed");
            }
            Object fallback = defaults.get(key);
            if (fallback == null || String.valueOf(fallback).isEmpty()) {
                return Reading.cannotFix(tags, "no default value for tag '" + key + "' (the policy's tag_defaults)");
            }
            add.put(key, String.valueOf(fallback));
        }
        if (add.isEmpty()) {
            return Reading.fixed(tags);
        }
        List<Tag> written = add.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        PlannedCall call = new PlannedCall("ec2:CreateTags", Map.of("Resources", List.of(instanceId), "Tags", add));
        return Reading.needs(tags, new Fix(call, s -> s.ec2()
                .createTags(r -> r.resources(instanceId).tags(written))));
    }
}
