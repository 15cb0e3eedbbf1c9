package dev.driftwatch.inventory.logs;

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
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class LogGroupCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final LogGroupCollector collector = new LogGroupCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByNameInTheProviderShapeAndSeesTheRetentionRemoved() throws Exception {
        CloudWatchLogsClient logs = session.logs();
        logs.createLogGroup(r -> r.logGroupName("/app/one").tags(Map.of("Team", "app")));
        logs.putRetentionPolicy(r -> r.logGroupName("/app/one").retentionInDays(14));
        Map<String, Object> state = state();

        CloudResource live = DriftCheck.find(collector.collect(session), "/app/one");
        assertThat(live.arn()).isEqualTo("arn:aws:logs:us-east-1:" + Moto.ACCOUNT + ":log-group:/app/one");
        assertThat(live.attributes())
                .containsEntry("retention_in_days", 14)
                .containsEntry("tags", Map.of("Team", "app"));
        assertThat(live.createdAt()).isNotNull();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        logs.deleteRetentionPolicy(r -> r.logGroupName("/app/one"));
        CloudResource changed = DriftCheck.find(collector.collect(session), "/app/one");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("retention_in_days");
                assertThat(d.actual()).isEqualTo(0);
            });
        });
    }

    /** The group as provider 5.100 wrote it (terraform apply against moto). */
    private static Map<String, Object> state() throws Exception {
        String json = """
                {"arn": "arn:aws:logs:us-east-1:123456789012:log-group:/app/one", "id": "/app/one", "kms_key_id": "",
                 "log_group_class": "", "name": "/app/one", "name_prefix": "", "retention_in_days": 14, "skip_destroy": false,
                 "tags": {"Team": "app"}, "tags_all": {"Team": "app"}}
                """;
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
