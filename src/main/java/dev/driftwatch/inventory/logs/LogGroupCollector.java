package dev.driftwatch.inventory.logs;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * {@code aws_cloudwatch_log_group}: one paginated DescribeLogGroups call per 50 groups, then
 * ListTagsForResource per group (forced: DescribeLogGroups carries no tags).
 */
@ApplicationScoped
public class LogGroupCollector extends TypedCollector {

    static final String TYPE = "aws_cloudwatch_log_group";
    /** The largest page DescribeLogGroups allows. */
    private static final int PAGE_SIZE = 50;

    public LogGroupCollector() {
        super(TYPE, "logs", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        CloudWatchLogsClient logs = session.logs();
        List<LogGroup> listed = logs.describeLogGroupsPaginator(r -> r.limit(PAGE_SIZE)).logGroups().stream()
                .toList();
        return ResourceReads.each(
                session, this, listed, LogGroup::logGroupName, group -> Optional.of(toResource(session, logs, group)));
    }

    private static CloudResource toResource(AwsSession session, CloudWatchLogsClient logs, LogGroup group) {
        String arn = arn(group);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", group.logGroupName());
        attributes.put("arn", arn);
        attributes.put("name", group.logGroupName());
        attributes.put(
                "retention_in_days", group.retentionInDays() == null ? 0 : group.retentionInDays()); // 0 = never expire
        attributes.put("kms_key_id", group.kmsKeyId());
        attributes.put("log_group_class", group.logGroupClassAsString());
        Map<String, String> tags =
                logs.listTagsForResource(r -> r.resourceArn(arn)).tags(); // per group: forced
        attributes.put("tags", new TreeMap<String, Object>(tags));
        Instant createdAt = group.creationTime() == null ? null : Instant.ofEpochMilli(group.creationTime());
        return new CloudResource(
                TYPE, group.logGroupName(), session.account(), session.region(), arn, attributes, createdAt);
    }

    /** The ARN without the {@code :*} DescribeLogGroups appends to {@code arn}, as the provider stores it. */
    private static String arn(LogGroup group) {
        if (group.logGroupArn() != null) {
            return group.logGroupArn();
        }
        String arn = group.arn();
        return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
