package dev.driftwatch.policy.pack;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** Built-in KMS key policies in the running service, on keys in moto. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class KmsKeyPoliciesIT {

    private static final String REGION = "us-east-1";

    private final KmsClient kms = MotoSession.in(REGION).kms();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void symmetricKeyNotRotating() {
        String rotating = symmetricKey("rotating");
        kms.enableKeyRotation(r -> r.keyId(rotating));
        String still = symmetricKey("app key");
        // asymmetric keys cannot rotate: not a violation
        kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.RSA_2048));
        try (PolicyInService policy = PolicyInService.load("kms-key-rotation", REGION)) {
            String finding = policy.assertOnlyViolation(still, "KMS key " + still + " (app key) does not rotate");

            kms.enableKeyRotation(r -> r.keyId(still));
            policy.assertResolved(finding);
        }
    }

    @Test
    void keyWithoutDescription() {
        String key = kms.createKey(r -> r.keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata()
                .keyId();
        try (PolicyInService policy = PolicyInService.load("kms-key-rotation", REGION)) {
            policy.assertOnlyViolation(key, "KMS key " + key + " () does not rotate");
        }
    }

    /** Key usage given as the provider sends it: moto leaves it out of DescribeKey otherwise (AWS always reports it). */
    private String symmetricKey(String description) {
        return kms.createKey(r -> r.description(description).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata()
                .keyId();
    }
}
