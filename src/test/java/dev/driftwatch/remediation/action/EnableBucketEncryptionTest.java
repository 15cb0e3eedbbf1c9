package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** What enable-bucket-encryption writes, with and without a configured KMS key. */
class EnableBucketEncryptionTest {

    private static final EnableBucketEncryption WITH_KEY = new EnableBucketEncryption(Optional.of("alias/s3"));
    private static final EnableBucketEncryption WITHOUT_KEY = new EnableBucketEncryption(Optional.empty());

    @Test
    void withAKeyAnythingButKmsGetsSseKmsWithThatKey() {
        for (List<ServerSideEncryptionRule> rules :
                List.of(List.<ServerSideEncryptionRule>of(), List.of(rule("AES256")))) {
            Reading reading = WITH_KEY.check("b", Map.of(), rules);

            assertThat(reading.fix()).isPresent();
            assertThat(reading.fix().get().call().operation()).isEqualTo("s3:PutEncryptionConfiguration");
            assertThat(reading.fix().get().call().parameters().toString())
                    .contains("SSEAlgorithm=aws:kms", "KMSMasterKeyID=alias/s3", "BucketKeyEnabled=true");
        }
    }

    @Test
    void kmsWithAnyKeyIsFixed() {
        assertThat(WITH_KEY.check("b", Map.of(), List.of(rule("aws:kms"))).isFixed())
                .isTrue();
        assertThat(WITHOUT_KEY
                        .check("b", Map.of(), List.of(rule("aws:kms:dsse")))
                        .isFixed())
                .isTrue();
    }

    @Test
    void withoutAKeyNothingButKmsCanBeFixedAndNothingIsWritten() {
        for (List<ServerSideEncryptionRule> rules :
                List.of(List.<ServerSideEncryptionRule>of(), List.of(rule("AES256")))) {
            Reading reading = WITHOUT_KEY.check("b", Map.of(), rules);

            assertThat(reading.fix()).isEmpty();
            assertThat(reading.isFixed()).isFalse();
            assertThat(reading.cannotFix())
                    .hasValue("bucket b does not encrypt with KMS and no KMS key is configured"
                            + " (driftwatch.remediation.bucket-encryption.kms-key-id)");
        }
    }

    private static ServerSideEncryptionRule rule(String algorithm) {
        return ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(algorithm))
                .build();
    }
}
