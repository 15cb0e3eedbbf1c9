package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.kms.KmsKeyCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** Built-in KMS key policies against keys collected from moto. */
class KmsKeyPoliciesIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final KmsKeyCollector collector = new KmsKeyCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void symmetricKeyNotRotating() {
        KmsClient kms = session.kms();
        String rotating = symmetricKey("rotating");
        kms.enableKeyRotation(r -> r.keyId(rotating));
        String still = symmetricKey("app key");
        // asymmetric keys cannot rotate: not a violation
        kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.RSA_2048));

        assertThat(BuiltInPolicies.violations("kms-key-rotation", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(still);
                    assertThat(v.message()).isEqualTo("KMS key " + still + " (app key) does not rotate");
                });

        kms.enableKeyRotation(r -> r.keyId(still));
        assertThat(BuiltInPolicies.violations("kms-key-rotation", collector.collect(session))).isEmpty();
    }

    @Test
    void keyWithoutDescription() {
        String key = session.kms().createKey(r -> r.keyUsage(KeyUsageType.ENCRYPT_DECRYPT)).keyMetadata().keyId();

        assertThat(BuiltInPolicies.violations("kms-key-rotation", collector.collect(session)))
                .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("KMS key " + key + " () does not rotate"));
    }

    /** Key usage given as the provider sends it: moto leaves it out of DescribeKey otherwise (AWS always reports it). */
    private String symmetricKey(String description) {
        return session.kms().createKey(r -> r.description(description).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)).keyMetadata().keyId();
    }
}
