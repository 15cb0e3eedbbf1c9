package dev.driftwatch.inventory.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
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

class S3BucketCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    /** us-east-1 is listed by region; eu-west-1, not a likely region here, is located bucket by bucket. */
    private final S3BucketCollector collector = new S3BucketCollector(List.of("us-east-1"));

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    /** As provider 5.100 wrote it for {@code aws_s3_bucket} with bucket and tags (computed attributes kept). */
    static Map<String, Object> state(String bucket, Map<String, Object> tags) {
        return Map.ofEntries(
                Map.entry("acceleration_status", ""),
                Map.entry("arn", "arn:aws:s3:::" + bucket),
                Map.entry("bucket", bucket),
                Map.entry("bucket_domain_name", bucket + ".s3.amazonaws.com"),
                Map.entry("bucket_prefix", ""),
                Map.entry("bucket_regional_domain_name", bucket + ".s3.us-east-1.amazonaws.com"),
                Map.entry("cors_rule", List.of()),
                Map.entry("force_destroy", false),
                Map.entry("hosted_zone_id", "Z3AQBSTGFYJSTF"),
                Map.entry("id", bucket),
                Map.entry("lifecycle_rule", List.of()),
                Map.entry("logging", List.of()),
                Map.entry("object_lock_configuration", List.of()),
                Map.entry("object_lock_enabled", false),
                Map.entry("policy", ""),
                Map.entry("region", "us-east-1"),
                Map.entry("replication_configuration", List.of()),
                Map.entry("request_payer", ""),
                Map.entry("server_side_encryption_configuration", List.of()),
                Map.entry("tags", tags),
                Map.entry("tags_all", tags),
                Map.entry("versioning", List.of(Map.of("enabled", false, "mfa_delete", false))),
                Map.entry("website", List.of()));
    }

    @Test
    void collectsBucketsWithTheirRegionAndSeesATagChangedByHand() {
        S3Client s3 = session.s3();
        s3.createBucket(r -> r.bucket("logs-bucket"));
        s3.putBucketTagging(r -> r.bucket("logs-bucket")
                .tagging(t -> t.tagSet(tag -> tag.key("Team").value("data"))));
        s3.createBucket(r -> r.bucket("eu-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

        List<CloudResource> collected = collector.collect(session);
        CloudResource live = DriftCheck.find(collected, "logs-bucket");
        assertThat(live.arn()).isEqualTo("arn:aws:s3:::logs-bucket");
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(live.createdAt()).isNotNull();
        assertThat(live.attributes())
                .containsEntry("region", "us-east-1")
                .containsEntry("tags", Map.of("Team", "data"));
        assertThat(DriftCheck.find(collected, "eu-bucket").attributes())
                .containsEntry("region", "eu-west-1")
                .containsEntry("tags", Map.of());
        assertThat(DriftCheck.compare(live, state("logs-bucket", Map.of("Team", "data"))))
                .isEmpty();

        s3.putBucketTagging(r -> r.bucket("logs-bucket")
                .tagging(t -> t.tagSet(tag -> tag.key("Team").value("platform"))));
        CloudResource changed = DriftCheck.find(collector.collect(session), "logs-bucket");
        assertThat(DriftCheck.compare(changed, state("logs-bucket", Map.of("Team", "data"))))
                .singleElement()
                .satisfies(drift -> {
                    assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
                    assertThat(drift.diffs()).singleElement().satisfies(d -> {
                        assertThat(d.path()).isEqualTo("tags.Team");
                        assertThat(d.actual()).isEqualTo("platform");
                    });
                });
    }
}
