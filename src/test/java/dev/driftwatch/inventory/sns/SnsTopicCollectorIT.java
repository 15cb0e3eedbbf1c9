package dev.driftwatch.inventory.sns;

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
import software.amazon.awssdk.services.sns.SnsClient;

class SnsTopicCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final SnsTopicCollector collector = new SnsTopicCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByArnInTheProviderShapeAndSeesATagChanged() throws Exception {
        SnsClient sns = session.sns();
        String arn = sns.createTopic(r -> r.name("t1")
                        .attributes(Map.of("DisplayName", "Topic One"))
                        .tags(t -> t.key("Team").value("app")))
                .topicArn();
        Map<String, Object> state = state();

        CloudResource live = DriftCheck.find(collector.collect(session), arn);
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":t1");
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.attributes())
                .containsEntry("name", "t1")
                .containsEntry("display_name", "Topic One")
                .containsEntry("tags", Map.of("Team", "app"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        sns.tagResource(r -> r.resourceArn(arn).tags(t -> t.key("Team").value("platform")));
        CloudResource changed = DriftCheck.find(collector.collect(session), arn);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("tags.Team");
                assertThat(d.actual()).isEqualTo("platform");
            });
        });
    }

    /** The topic as provider 5.100 wrote it (terraform apply against moto). */
    private static Map<String, Object> state() throws Exception {
        String json = """
                {"application_failure_feedback_role_arn": "", "application_success_feedback_role_arn": "",
                 "application_success_feedback_sample_rate": 0, "archive_policy": "", "arn": "arn:aws:sns:us-east-1:123456789012:t1",
                 "beginning_archive_time": "", "content_based_deduplication": false, "delivery_policy": "", "display_name": "Topic One",
                 "fifo_throughput_scope": "", "fifo_topic": false, "firehose_failure_feedback_role_arn": "",
                 "firehose_success_feedback_role_arn": "", "firehose_success_feedback_sample_rate": 0, "http_failure_feedback_role_arn": "",
                 "http_success_feedback_role_arn": "", "http_success_feedback_sample_rate": 0, "id": "arn:aws:sns:us-east-1:123456789012:t1",
                 "kms_master_key_id": "", "lambda_failure_feedback_role_arn": "", "lambda_success_feedback_role_arn": "",
                 "lambda_success_feedback_sample_rate": 0, "name": "t1", "name_prefix": "", "owner": "123456789012",
                 "policy": "{}", "signature_version": 0, "sqs_failure_feedback_role_arn": "", "sqs_success_feedback_role_arn": "",
                 "sqs_success_feedback_sample_rate": 0, "tags": {"Team": "app"}, "tags_all": {"Team": "app"}, "tracing_config": ""}
                """;
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
