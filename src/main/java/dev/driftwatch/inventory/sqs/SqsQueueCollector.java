package dev.driftwatch.inventory.sqs;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * {@code aws_sqs_queue}: one paginated ListQueues call per 1,000 queues (it gives URLs only), then per
 * queue GetQueueAttributes (forced: the only source of the settings) and ListQueueTags (forced: tags
 * are per queue). The provider's id is the queue URL.
 */
@ApplicationScoped
public class SqsQueueCollector extends TypedCollector {

    static final String TYPE = "aws_sqs_queue";
    /** The largest page ListQueues allows. */
    private static final int PAGE_SIZE = 1000;

    public SqsQueueCollector() {
        super(TYPE, "sqs", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        SqsClient sqs = session.sqs();
        List<String> urls = sqs.listQueuesPaginator(r -> r.maxResults(PAGE_SIZE)).queueUrls().stream()
                .toList();
        return ResourceReads.each(session, this, urls, url -> url, url -> {
            Map<String, String> settings;
            try {
                settings = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                        .attributesAsStrings(); // per queue: forced
            } catch (QueueDoesNotExistException deleted) {
                return Optional.empty(); // ListQueues still lists a queue for up to 60 s after its deletion: it is gone
            }
            return Optional.of(toResource(session, sqs, url, settings));
        });
    }

    private static CloudResource toResource(
            AwsSession session, SqsClient sqs, String url, Map<String, String> settings) {
        String arn = settings.get("QueueArn");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", url);
        attributes.put("arn", arn);
        attributes.put("url", url);
        attributes.put("name", url.substring(url.lastIndexOf('/') + 1));
        attributes.put("fifo_queue", Boolean.parseBoolean(settings.get("FifoQueue")));
        attributes.put("visibility_timeout_seconds", number(settings, "VisibilityTimeout"));
        attributes.put("message_retention_seconds", number(settings, "MessageRetentionPeriod"));
        attributes.put("delay_seconds", number(settings, "DelaySeconds"));
        attributes.put("receive_wait_time_seconds", number(settings, "ReceiveMessageWaitTimeSeconds"));
        attributes.put("max_message_size", number(settings, "MaximumMessageSize"));
        attributes.put("sqs_managed_sse_enabled", Boolean.parseBoolean(settings.get("SqsManagedSseEnabled")));
        attributes.put("kms_master_key_id", settings.getOrDefault("KmsMasterKeyId", ""));
        Map<String, String> tags = sqs.listQueueTags(r -> r.queueUrl(url)).tags(); // per queue: forced
        attributes.put("tags", new TreeMap<String, Object>(tags));
        String created = settings.get("CreatedTimestamp");
        Instant createdAt = created == null
                ? null
                : Instant.ofEpochSecond(new BigDecimal(created).longValue()); // whole seconds (moto adds a fraction)
        return new CloudResource(TYPE, url, session.account(), session.region(), arn, attributes, createdAt);
    }

    private static Integer number(Map<String, String> settings, String name) {
        String value = settings.get(name);
        return value == null ? null : Integer.valueOf(value);
    }
}
