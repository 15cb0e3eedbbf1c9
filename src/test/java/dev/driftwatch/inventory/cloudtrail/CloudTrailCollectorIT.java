package dev.driftwatch.inventory.cloudtrail;

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
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

class CloudTrailCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final CloudTrailCollector collector = new CloudTrailCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByArnInTheProviderShapeAndSeesLoggingStopped() throws Exception {
        session.s3().createBucket(r -> r.bucket("trail-bucket-1"));
        CloudTrailClient cloudTrail = session.cloudTrail();
        String arn = cloudTrail
                .createTrail(r -> r.name("trail1")
                        .s3BucketName("trail-bucket-1")
                        .isMultiRegionTrail(true)
                        .enableLogFileValidation(true)
                        .tagsList(t -> t.key("Team").value("sec")))
                .trailARN();
        // by name: moto's StartLogging does not take the ARN the provider passes (AWS does)
        cloudTrail.startLogging(r -> r.name("trail1"));
        Map<String, Object> state = state();

        CloudResource live = DriftCheck.find(collector.collect(session), arn);
        assertThat(arn).isEqualTo("arn:aws:cloudtrail:us-east-1:" + Moto.ACCOUNT + ":trail/trail1");
        assertThat(live.attributes())
                .containsEntry("name", "trail1")
                .containsEntry("enable_logging", true)
                .containsEntry("tags", Map.of("Team", "sec"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        cloudTrail.stopLogging(r -> r.name("trail1"));
        CloudResource changed = DriftCheck.find(collector.collect(session), arn);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("enable_logging");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }

    /**
     * The trail as provider 5.100 wrote it (terraform apply against moto, with enable_logging = false there
     * because of moto's StartLogging; set to true here as a default trail has it).
     */
    private static Map<String, Object> state() throws Exception {
        String json = """
                {"advanced_event_selector": [], "arn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/trail1",
                 "cloud_watch_logs_group_arn": "", "cloud_watch_logs_role_arn": "", "enable_log_file_validation": true,
                 "enable_logging": true, "event_selector": [], "home_region": "us-east-1",
                 "id": "arn:aws:cloudtrail:us-east-1:123456789012:trail/trail1", "include_global_service_events": true,
                 "insight_selector": [], "is_multi_region_trail": true, "is_organization_trail": false, "kms_key_id": "",
                 "name": "trail1", "s3_bucket_name": "trail-bucket-1", "s3_key_prefix": "", "sns_topic_arn": "", "sns_topic_name": "",
                 "tags": {"Team": "sec"}, "tags_all": {"Team": "sec"}}
                """;
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
