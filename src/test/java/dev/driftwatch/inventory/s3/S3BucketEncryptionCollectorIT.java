package dev.driftwatch.inventory.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.drift.S3BucketEncryptionNormaliser;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3BucketEncryptionCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3BucketEncryptionCollector collector = new S3BucketEncryptionCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsTheRulesAndSeesTheAlgorithmChangedByHand() {
        S3Client s3 = session.s3();
        s3.createBucket(r -> r.bucket("logs-bucket"));
        s3.createBucket(r -> r.bucket("plain")); // moto gives new buckets no default encryption, AWS does (SSE-S3)
        s3.putBucketEncryption(r -> r.bucket("logs-bucket")
                .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(
                                d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                        .bucketKeyEnabled(true))));
        // as provider 5.100 wrote it for rule { apply_server_side_encryption_by_default { sse_algorithm = "AES256" }
        // bucket_key_enabled = true }
        Map<String, Object> state = Map.of(
                "bucket",
                "logs-bucket",
                "expected_bucket_owner",
                "",
                "id",
                "logs-bucket",
                "rule",
                List.of(Map.of(
                        "apply_server_side_encryption_by_default",
                        List.of(Map.of("kms_master_key_id", "", "sse_algorithm", "AES256")),
                        "bucket_key_enabled",
                        true)));

        var collected = collector.collect(session);
        // A bucket without a configuration is reported with no rule, as AWS's (never unmanaged drift by itself).
        assertThat(collected)
                .filteredOn(r -> !r.awsManaged())
                .extracting(CloudResource::id)
                .containsExactly("logs-bucket");
        CloudResource live = collected.get(0);
        assertThat(DriftCheck.compare(live, state)).isEmpty();
        assertThat(new S3BucketEncryptionNormaliser().awsManaged(live)).isFalse(); // a bucket key is not AWS's default

        s3.putBucketEncryption(r -> r.bucket("logs-bucket")
                .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(d ->
                                d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("alias/logs"))
                        .bucketKeyEnabled(true))));
        CloudResource changed = DriftCheck.find(collector.collect(session), "logs-bucket");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("rule");
                assertThat(d.actual().toString()).contains("aws:kms", "alias/logs");
            });
        });
    }
}
