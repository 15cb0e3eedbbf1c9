package dev.driftwatch.inventory.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3BucketPublicAccessBlockCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3BucketPublicAccessBlockCollector collector = new S3BucketPublicAccessBlockCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsTheBlockAndSeesASwitchTurnedOffByHand() {
        S3Client s3 = session.s3();
        s3.createBucket(r -> r.bucket("logs-bucket"));
        s3.createBucket(r -> r.bucket("open-bucket"));
        s3.putPublicAccessBlock(r -> r.bucket("logs-bucket").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)));
        Map<String, Object> state = Map.of(
                "block_public_acls",
                true,
                "block_public_policy",
                true,
                "bucket",
                "logs-bucket",
                "id",
                "logs-bucket",
                "ignore_public_acls",
                true,
                "restrict_public_buckets",
                true);

        var collected = collector.collect(session);
        // A bucket without a block is reported with every flag off, as AWS's (never unmanaged drift by itself).
        assertThat(collected).extracting(CloudResource::id).containsExactlyInAnyOrder("logs-bucket", "open-bucket");
        assertThat(DriftCheck.find(collected, "open-bucket").awsManaged()).isTrue();
        assertThat(DriftCheck.find(collected, "open-bucket").attributes()).containsEntry("block_public_policy", false);
        CloudResource live = DriftCheck.find(collected, "logs-bucket");
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        s3.putPublicAccessBlock(r -> r.bucket("logs-bucket").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(false)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)));
        CloudResource changed = DriftCheck.find(collector.collect(session), "logs-bucket");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("block_public_policy");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }
}
