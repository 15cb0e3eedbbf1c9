package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Drift revert: puts back exactly the tags a CHANGED finding names, as the Terraform state has them (a tag the
 * state does not have is deleted), on the EC2 resources whose Terraform id is the EC2 id. Tags the finding does not
 * name are left as they are. A tag that changed again since the finding is not touched (moved: stale).
 *
 * <p>Parameters: {@code expected} (tag to state value, {@code null}: absent) and {@code seen} (tag to the value
 * the finding saw), from the finding's diffs.
 */
@ApplicationScoped
public class RevertTags implements RemediationAction {

    private static final String TAGS = "tags.";

    @Override
    public String name() {
        return "revert-tags";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeTags", "ec2:CreateTags", "ec2:DeleteTags");
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(TAGS + "**");
    }

    /** The tag's key. */
    @Override
    public String revertKey(String path) {
        return path.substring(TAGS.length());
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String id = target.resourceId();
        List<Tag> found =
                session
                        .ec2()
                        .describeTags(r -> r.filters(f -> f.name("resource-id").values(id)))
                        .tags()
                        .stream()
                        .map(t -> Tag.builder().key(t.key()).value(t.value()).build())
                        .toList();
        Map<String, String> now = Ec2Tags.of(found);
        RevertPlan plan = RevertPlan.of(target, now);
        if (plan.isMoved()) {
            return Reading.moved(now);
        }
        if (plan.isDone()) {
            return Reading.fixed(now);
        }
        Map<String, String> put = new TreeMap<>();
        List<String> delete = new ArrayList<>();
        plan.writes().forEach((key, value) -> {
            if (value == null) {
                delete.add(key);
            } else {
                put.put(key, String.valueOf(value));
            }
        });
        return Reading.needs(now, new Fix(call(id, put, delete), s -> write(s, id, put, delete)));
    }

    private static PlannedCall call(String id, Map<String, String> put, List<String> delete) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Resources", List.of(id));
        if (!put.isEmpty()) {
            parameters.put("Tags", put);
        }
        if (!delete.isEmpty()) {
            parameters.put("TagKeysToDelete", delete);
        }
        String operation = put.isEmpty()
                ? "ec2:DeleteTags"
                : delete.isEmpty() ? "ec2:CreateTags" : "ec2:CreateTags+ec2:DeleteTags";
        return new PlannedCall(operation, parameters);
    }

    private static void write(AwsSession session, String id, Map<String, String> put, List<String> delete) {
        if (!put.isEmpty()) {
            session.ec2().createTags(r -> r.resources(id)
                    .tags(put.entrySet().stream()
                            .map(e -> Tag.builder()
                                    .key(e.getKey())
                                    .value(e.getValue())
                                    .build())
                            .toList()));
        }
        if (!delete.isEmpty()) {
            session.ec2().deleteTags(r -> r.resources(id)
                    .tags(delete.stream().map(k -> Tag.builder().key(k).build()).toList()));
        }
    }
}
