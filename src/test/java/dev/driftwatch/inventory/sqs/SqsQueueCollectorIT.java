package dev.driftwatch.inventory.sqs;

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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsQueueCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final SqsQueueCollector collector = new SqsQueueCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByUrlInTheProviderShapeAndSeesTheVisibilityTimeoutChanged() throws Exception {
        SqsClient sqs = session.sqs();
        // the provider sends its defaults on creation, among them a 256 KiB maximum message size (moto's own is 1 MiB)
        String url = sqs.createQueue(r -> r.queueName("q1")
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "60",
                                QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
                                "262144"))
                        .tags(Map.of("Team", "app")))
                .queueUrl();
        String fifo = sqs.createQueue(r -> r.queueName("q2.fifo")
                        .attributes(Map.of(
                                QueueAttributeName.FIFO_QUEUE,
                                "true",
                                QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
                                "262144")))
                .queueUrl();

        CloudResource live = DriftCheck.find(collector.collect(session), url);
        assertThat(live.arn()).isEqualTo("arn:aws:sqs:us-east-1:" + Moto.ACCOUNT + ":q1");
        assertThat(live.attributes())
                .containsEntry("name", "q1")
                .containsEntry("visibility_timeout_seconds", 60)
                .containsEntry("tags", Map.of("Team", "app"));
        assertThat(live.createdAt()).isNotNull();
        assertThat(DriftCheck.compare(live, state(url, "q1", false, 60, "{\"Team\": \"app\"}")))
                .isEmpty();
        CloudResource liveFifo = DriftCheck.find(collector.collect(session), fifo);
        assertThat(DriftCheck.compare(liveFifo, state(fifo, "q2.fifo", true, 30, "null")))
                .isEmpty();

        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "300")));
        CloudResource changed = DriftCheck.find(collector.collect(session), url);
        assertThat(DriftCheck.compare(changed, state(url, "q1", false, 60, "{\"Team\": \"app\"}")))
                .singleElement()
                .satisfies(drift -> {
                    assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
                    assertThat(drift.diffs()).singleElement().satisfies(d -> {
                        assertThat(d.path()).isEqualTo("visibility_timeout_seconds");
                        assertThat(d.actual()).isEqualTo(300);
                    });
                });
    }

    /** The queue as provider 5.100 wrote it (terraform apply against moto). */
    private static Map<String, Object> state(String url, String name, boolean fifo, int visibility, String tags)
            throws Exception {
        String json = """
                {"arn": "arn:aws:sqs:us-east-1:123456789012:%2$s", "content_based_deduplication": false,
                 "deduplication_scope": "%3$s", "delay_seconds": 0, "fifo_queue": %4$s, "fifo_throughput_limit": "%5$s", "id": "%1$s",
                 "kms_data_key_reuse_period_seconds": 300, "kms_master_key_id": "", "max_message_size": 262144,
                 "message_retention_seconds": 345600, "name": "%2$s", "name_prefix": "", "policy": "", "receive_wait_time_seconds": 0,
                 "redrive_allow_policy": "", "redrive_policy": "", "sqs_managed_sse_enabled": true, "tags": %7$s,
                 "tags_all": %7$s, "timeouts": null, "url": "%1$s", "visibility_timeout_seconds": %6$d}
                """.formatted(url, name, fifo ? "queue" : "", fifo, fifo ? "perQueue" : "", visibility, tags);
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
