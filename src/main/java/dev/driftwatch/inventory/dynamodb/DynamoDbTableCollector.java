package dev.driftwatch.inventory.dynamodb;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * {@code aws_dynamodb_table}: one paginated ListTables call per 100 tables (names only), then per table
 * DescribeTable (forced: the only source of the settings), DescribeContinuousBackups (forced: the only
 * source of point-in-time recovery) and ListTagsOfResource (forced: tags are per table). Capacities
 * are not compared: auto scaling changes them on purpose.
 */
@ApplicationScoped
public class DynamoDbTableCollector extends TypedCollector {

    static final String TYPE = "aws_dynamodb_table";
    /** The largest page ListTables allows. */
    private static final int PAGE_SIZE = 100;

    public DynamoDbTableCollector() {
        super(TYPE, "dynamodb", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        DynamoDbClient dynamo = session.dynamoDb();
        List<String> names = dynamo.listTablesPaginator(r -> r.limit(PAGE_SIZE)).tableNames().stream()
                .toList();
        return ResourceReads.each(session, this, names, name -> name, name -> {
            TableDescription table =
                    dynamo.describeTable(r -> r.tableName(name)).table(); // per table: forced
            return Optional.of(toResource(session, dynamo, table));
        });
    }

    private static CloudResource toResource(AwsSession session, DynamoDbClient dynamo, TableDescription table) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", table.tableName());
        attributes.put("arn", table.tableArn());
        attributes.put("name", table.tableName());
        attributes.put(
                "billing_mode",
                table.billingModeSummary() == null || table.billingModeSummary().billingMode() == null
                        ? "PROVISIONED"
                        : table.billingModeSummary().billingModeAsString());
        attributes.put("hash_key", key(table, KeyType.HASH));
        attributes.put("range_key", key(table, KeyType.RANGE));
        attributes.put("deletion_protection_enabled", Boolean.TRUE.equals(table.deletionProtectionEnabled()));
        attributes.put("point_in_time_recovery", pointInTimeRecovery(dynamo, table.tableName()));
        List<Tag> tags = new ArrayList<>();
        String token = null;
        do { // per table: forced (tags are per table; ListTagsOfResource has no paginator)
            String next = token;
            var page = dynamo.listTagsOfResource(
                    r -> r.resourceArn(table.tableArn()).nextToken(next));
            tags.addAll(page.tags());
            token = page.nextToken();
        } while (token != null);
        attributes.put("tags", Tags.toMap(tags, Tag::key, Tag::value));
        return new CloudResource(
                TYPE,
                table.tableName(),
                session.account(),
                session.region(),
                table.tableArn(),
                attributes,
                table.creationDateTime());
    }

    private static String key(TableDescription table, KeyType type) {
        return table.keySchema().stream()
                .filter(k -> k.keyType() == type)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .orElse(null);
    }

    /** As the provider writes it: {@code [{enabled, recovery_period_in_days}]}, 0 days when disabled. */
    private static List<Map<String, Object>> pointInTimeRecovery(DynamoDbClient dynamo, String table) {
        PointInTimeRecoveryDescription pitr = dynamo.describeContinuousBackups(
                        r -> r.tableName(table)) // per table: forced
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        boolean enabled = pitr != null && pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("enabled", enabled);
        block.put(
                "recovery_period_in_days",
                enabled && pitr.recoveryPeriodInDays() != null ? pitr.recoveryPeriodInDays() : 0);
        return List.of(block);
    }
}
