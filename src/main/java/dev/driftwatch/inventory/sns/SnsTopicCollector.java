package dev.driftwatch.inventory.sns;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * {@code aws_sns_topic}: one paginated ListTopics call per 100 topics (fixed page size; it gives ARNs
 * only), then per topic GetTopicAttributes (forced: the only source of the settings) and
 * ListTagsForResource (forced: tags are per topic). SNS reports no creation time.
 */
@ApplicationScoped
public class SnsTopicCollector extends TypedCollector {

    static final String TYPE = "aws_sns_topic";

    public SnsTopicCollector() {
        super(TYPE, "sns", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        SnsClient sns = session.sns();
        List<String> arns = sns.listTopicsPaginator(r -> {}).topics().stream()
                .map(Topic::topicArn)
                .toList();
        return ResourceReads.each(session, this, arns, arn -> arn, arn -> Optional.of(toResource(session, sns, arn)));
    }

    private static CloudResource toResource(AwsSession session, SnsClient sns, String arn) {
        Map<String, String> settings =
                sns.getTopicAttributes(r -> r.topicArn(arn)).attributes(); // per topic: forced
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", arn);
        attributes.put("arn", arn);
        attributes.put("name", arn.substring(arn.lastIndexOf(':') + 1));
        attributes.put("display_name", settings.getOrDefault("DisplayName", ""));
        attributes.put("fifo_topic", Boolean.parseBoolean(settings.get("FifoTopic")));
        attributes.put("kms_master_key_id", settings.getOrDefault("KmsMasterKeyId", ""));
        List<Tag> tags = sns.listTagsForResource(r -> r.resourceArn(arn)).tags(); // per topic: forced
        attributes.put("tags", Tags.toMap(tags, Tag::key, Tag::value));
        return new CloudResource(TYPE, arn, session.account(), session.region(), arn, attributes, null);
    }
}
