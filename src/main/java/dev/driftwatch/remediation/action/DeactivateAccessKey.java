package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Deactivates an IAM access key (UpdateAccessKey Status=Inactive), never deletes it: whoever still needs it can be
 * given it back with one call, and nothing about the user changes. Approve by default: a program using the key
 * stops working. The Terraform id is the key id; its user is found with GetAccessKeyLastUsed, and the opt-out tag
 * is the user's.
 */
@ApplicationScoped
public class DeactivateAccessKey implements RemediationAction {

    @Override
    public String name() {
        return "deactivate-access-key";
    }

    @Override
    public List<String> iamActions() {
        return List.of("iam:GetAccessKeyLastUsed", "iam:ListAccessKeys", "iam:ListUserTags", "iam:UpdateAccessKey");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String keyId = target.resourceId();
        String user;
        Optional<AccessKeyMetadata> key;
        try {
            user = session.iam().getAccessKeyLastUsed(r -> r.accessKeyId(keyId)).userName();
            if (user == null) {
                return Reading.cannotFix(Map.of(), "access key " + keyId + " belongs to no IAM user");
            }
            key = session.iam().listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata().stream()
                    .filter(k -> keyId.equals(k.accessKeyId()))
                    .findFirst();
        } catch (NoSuchEntityException e) {
            return Reading.gone();
        }
        if (key.isEmpty()) {
            return Reading.gone();
        }
        Map<String, String> tags = new TreeMap<>();
        session.iam().listUserTagsPaginator(r -> r.userName(user)).tags().forEach(t -> tags.put(t.key(), t.value()));
        if (key.get().status() == StatusType.INACTIVE) {
            return Reading.fixed(tags);
        }
        PlannedCall call = new PlannedCall(
                "iam:UpdateAccessKey", Map.of("UserName", user, "AccessKeyId", keyId, "Status", "Inactive"));
        return Reading.needs(tags, new Fix(call, s -> s.iam()
                .updateAccessKey(r -> r.userName(user).accessKeyId(keyId).status(StatusType.INACTIVE))));
    }
}
