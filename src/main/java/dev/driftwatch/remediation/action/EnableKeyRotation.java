package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** Turns on yearly rotation of a customer-managed symmetric KMS key. */
@ApplicationScoped
public class EnableKeyRotation implements RemediationAction {

    @Override
    public String name() {
        return "enable-key-rotation";
    }

    @Override
    public List<String> iamActions() {
        return List.of("kms:DescribeKey", "kms:ListResourceTags", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation");
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
        if (session.kms().getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()) {
            return Reading.fixed(tags);
        }
        return Reading.needs(
                tags, new Fix(new PlannedCall("kms:EnableKeyRotation", Map.of("KeyId", keyId)), s -> s.kms()
                        .enableKeyRotation(r -> r.keyId(keyId))));
    }
}
