package dev.driftwatch.inventory.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.drift.S3BucketVersioningNormaliser;
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
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

class S3BucketVersioningCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3BucketVersioningCollector collector = new S3BucketVersioningCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    /** As provider 5.100 wrote it for {@code versioning_configuration { status = "..." }}. */
    static Map<String, Object> state(String bucket, String status) {
        return Map.of(
                "bucket",
                bucket,
                "expected_bucket_owner",
                "",
                "id",
                bucket,
                "versioning_configuration",
                List.of(Map.of("mfa_delete", "", "status", status)));
    }

    @Test
    void collectsVersioningAndSeesItSuspendedByHand() {
        S3Client s3 = session.s3();
        s3.createBucket(r -> r.bucket("logs-bucket"));
        s3.putBucketVersioning(
                r -> r.bucket("logs-bucket").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        CloudResource live = DriftCheck.find(collector.collect(session), "logs-bucket");
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(DriftCheck.compare(live, state("logs-bucket", "Enabled"))).isEmpty();

        s3.putBucketVersioning(
                r -> r.bucket("logs-bucket").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        CloudResource changed = DriftCheck.find(collector.collect(session), "logs-bucket");
        assertThat(DriftCheck.compare(changed, state("logs-bucket", "Enabled")))
                .singleElement()
                .satisfies(drift -> {
                    assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
                    assertThat(drift.diffs()).singleElement().satisfies(d -> {
                        assertThat(d.path()).isEqualTo("versioning_configuration");
                        assertThat(d.actual().toString()).contains("Suspended");
                    });
                });
    }

    @Test
    void aBucketNeverVersionedReadsAsDisabledLikeTheProviderAndIsAwsDefault() {
        session.s3().createBucket(r -> r.bucket("plain"));

        CloudResource live = DriftCheck.find(collector.collect(session), "plain");
        assertThat(DriftCheck.compare(live, state("plain", "Disabled"))).isEmpty();
        assertThat(new S3BucketVersioningNormaliser().awsManaged(live)).isTrue();
    }
}
