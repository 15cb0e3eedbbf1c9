package dev.driftwatch.inventory.kms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

class KmsKeyCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final KmsKeyCollector collector = new KmsKeyCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsCustomerKeysInTheProviderShapeAndSeesRotationTurnedOff() throws Exception {
        KmsClient kms = session.kms();
        // key usage given as the provider sends it: moto leaves it out of DescribeKey otherwise (AWS always reports it)
        String id = kms.createKey(r -> r.description("app key")
                        .keyUsage(KeyUsageType.ENCRYPT_DECRYPT)
                        .tags(t -> t.tagKey("Team").tagValue("sec")))
                .keyMetadata()
                .keyId();
        kms.enableKeyRotation(r -> r.keyId(id));
        Map<String, Object> state = state(id);

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo("arn:aws:kms:us-east-1:" + Moto.ACCOUNT + ":key/" + id);
        assertThat(live.attributes())
                .containsEntry("enable_key_rotation", true)
                .containsEntry("tags", Map.of("Team", "sec"));
        assertThat(live.createdAt()).isNotNull();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        kms.disableKeyRotation(r -> r.keyId(id));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("enable_key_rotation");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }

    @Test
    void readsAsymmetricKeysWithoutRotationAndLeavesKeysPendingDeletionOut() {
        KmsClient kms = session.kms();
        String rsa = kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.RSA_2048))
                .keyMetadata()
                .keyId();
        String doomed = kms.createKey(r -> r.description("old")).keyMetadata().keyId();
        kms.scheduleKeyDeletion(r -> r.keyId(doomed).pendingWindowInDays(7));

        assertThat(collector.collect(session)).singleElement().satisfies(key -> {
            assertThat(key.id()).isEqualTo(rsa);
            assertThat(key.attributes())
                    .containsEntry("enable_key_rotation", false)
                    .containsEntry("customer_master_key_spec", "RSA_2048")
                    .containsEntry("key_usage", "SIGN_VERIFY");
        });
    }

    /** The key as provider 5.100 wrote it (terraform apply against moto), ids replaced. */
    private static Map<String, Object> state(String id) throws Exception {
        String json = """
                {"arn": "arn:aws:kms:us-east-1:123456789012:key/%1$s", "bypass_policy_lockout_safety_check": false,
                 "custom_key_store_id": "", "customer_master_key_spec": "SYMMETRIC_DEFAULT", "deletion_window_in_days": 7,
                 "description": "app key", "enable_key_rotation": true, "id": "%1$s", "is_enabled": true, "key_id": "%1$s",
                 "key_usage": "ENCRYPT_DECRYPT", "multi_region": false,
                 "policy": "{\\"Id\\":\\"key-default-1\\",\\"Statement\\":[{\\"Action\\":\\"kms:*\\",\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"arn:aws:iam::123456789012:root\\"},\\"Resource\\":\\"*\\",\\"Sid\\":\\"Enable IAM User Permissions\\"}],\\"Version\\":\\"2012-10-17\\"}",
                 "rotation_period_in_days": 0, "tags": {"Team": "sec"}, "tags_all": {"Team": "sec"}, "timeouts": null, "xks_key_id": ""}
                """.formatted(id);
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
