package dev.driftwatch.inventory.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbTableCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final DynamoDbTableCollector collector = new DynamoDbTableCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByNameInTheProviderShapeAndSeesPointInTimeRecoveryTurnedOff() throws Exception {
        DynamoDbClient dynamo = session.dynamoDb();
        dynamo.createTable(r -> r.tableName("tbl1")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .tags(t -> t.key("Team").value("data")));
        dynamo.updateContinuousBackups(
                r -> r.tableName("tbl1").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        Map<String, Object> state = state();

        CloudResource live = DriftCheck.find(collector.collect(session), "tbl1");
        assertThat(live.arn()).isEqualTo("arn:aws:dynamodb:us-east-1:" + Moto.ACCOUNT + ":table/tbl1");
        assertThat(live.attributes())
                .containsEntry("hash_key", "pk")
                .containsEntry("range_key", "sk")
                .containsEntry("billing_mode", "PAY_PER_REQUEST")
                .containsEntry("tags", Map.of("Team", "data"));
        assertThat(live.createdAt()).isNotNull();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        dynamo.updateContinuousBackups(
                r -> r.tableName("tbl1").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        CloudResource changed = DriftCheck.find(collector.collect(session), "tbl1");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("point_in_time_recovery");
                assertThat(d.actual()).isEqualTo(List.of(Map.of("enabled", false, "recovery_period_in_days", 0)));
            });
        });
    }

    /** The table as provider 5.100 wrote it (terraform apply against moto). */
    private static Map<String, Object> state() throws Exception {
        String json = """
                {"arn": "arn:aws:dynamodb:us-east-1:123456789012:table/tbl1", "attribute": [{"name": "pk", "type": "S"}, {"name": "sk", "type": "S"}],
                 "billing_mode": "PAY_PER_REQUEST", "deletion_protection_enabled": false, "global_secondary_index": [], "hash_key": "pk",
                 "id": "tbl1", "import_table": [], "local_secondary_index": [], "name": "tbl1", "on_demand_throughput": [],
                 "point_in_time_recovery": [{"enabled": true, "recovery_period_in_days": 35}], "range_key": "sk", "read_capacity": 0,
                 "replica": [], "restore_date_time": null, "restore_source_name": null, "restore_source_table_arn": null,
                 "restore_to_latest_time": null, "server_side_encryption": [], "stream_arn": "", "stream_enabled": false, "stream_label": "",
                 "stream_view_type": "", "table_class": "STANDARD", "tags": {"Team": "data"}, "tags_all": {"Team": "data"}, "timeouts": null,
                 "ttl": [{"attribute_name": "", "enabled": false}], "write_capacity": 0}
                """;
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
