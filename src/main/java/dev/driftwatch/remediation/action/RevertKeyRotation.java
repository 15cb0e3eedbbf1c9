package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;

/** Drift revert of a KMS key's {@code enable_key_rotation}: rotation turned on or off as the state says. */
@ApplicationScoped
public class RevertKeyRotation implements RemediationAction {

    private static final String ROTATION = "enable_key_rotation";

    @Override
    public String name() {
        return "revert-key-rotation";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(ROTATION);
    }

    @Override
    public List<String> iamActions() {
        return List.of(
                "kms:DescribeKey",
                "kms:ListResourceTags",
                "kms:GetKeyRotationStatus",
                "kms:EnableKeyRotation",
                "kms:DisableKeyRotation");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String keyId = target.resourceId();
        KeyMetadata key;
        try {
            key = session.kms().describeKey(r -> r.keyId(keyId)).keyMetadata();
        } catch (NotFoundException e) {
            return Reading.gone();
        }
        if (key.keyState() == KeyState.PENDING_DELETION) {
            return Reading.gone();
        }
        Map<String, String> tags = new TreeMap<>();
        session.kms().listResourceTags(r -> r.keyId(keyId)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        // as the collector reads it: keys that cannot rotate read as not rotating
        boolean rotatable = key.keySpec() == KeySpec.SYMMETRIC_DEFAULT && key.origin() == OriginType.AWS_KMS;
        boolean rotating = rotatable
                && Boolean.TRUE.equals(
                        session.kms().getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled());
        RevertPlan plan = RevertPlan.of(target, Map.of(ROTATION, rotating));
        if (plan.isMoved()) {
            return Reading.moved(tags);
        }
        if (plan.isDone()) {
            return Reading.fixed(tags);
        }
        boolean wanted;
        try {
            wanted = StateValues.bool(ROTATION, plan.writes().get(ROTATION));
        } catch (IllegalArgumentException e) {
            return Reading.cannotFix(tags, e.getMessage());
        }
        if (wanted && !rotatable) {
            return Reading.cannotFix(
                    tags, "only symmetric keys with key material from KMS rotate; " + keyId + " cannot");
        }
        String operation = wanted ? "kms:EnableKeyRotation" : "kms:DisableKeyRotation";
        return Reading.needs(tags, new Fix(new PlannedCall(operation, Map.of("KeyId", keyId)), s -> {
            if (wanted) {
                s.kms().enableKeyRotation(r -> r.keyId(keyId));
            } else {
                s.kms().disableKeyRotation(r -> r.keyId(keyId));
            }
        }));
    }
}
