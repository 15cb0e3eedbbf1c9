package dev.driftwatch.inventory.cloudtrail;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * {@code aws_cloudtrail}: one DescribeTrails call (unpaginated, every trail whose home is this region;
 * shadow copies of multi-region trails are left to their home region), one ListTags call per 20 trails
 * (its largest batch), and GetTrailStatus per trail (forced: the only source of {@code enable_logging}).
 * The provider's id is the trail ARN. CloudTrail reports no creation time.
 */
@ApplicationScoped
public class CloudTrailCollector extends TypedCollector {

    static final String TYPE = "aws_cloudtrail";
    /** The most trails one ListTags call takes. */
    private static final int TAG_BATCH = 20;

    public CloudTrailCollector() {
        super(TYPE, "cloudtrail", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        CloudTrailClient cloudTrail = session.cloudTrail();
        List<Trail> trails = cloudTrail.describeTrails(r -> r.includeShadowTrails(false)).trailList().stream()
                // an organization trail shows in member accounts too; it is managed in the account owning it
                .filter(trail -> trail.trailARN().split(":")[4].equals(session.account()))
                .toList();
        Map<String, List<Tag>> tags = tags(cloudTrail, trails);
        return ResourceReads.each(session, this, trails, Trail::trailARN, trail -> {
            boolean logging = Boolean.TRUE.equals(
                    cloudTrail.getTrailStatus(r -> r.name(trail.trailARN())).isLogging()); // per trail: forced
            return Optional.of(toResource(session, trail, logging, tags.getOrDefault(trail.trailARN(), List.of())));
        });
    }

    private static Map<String, List<Tag>> tags(CloudTrailClient cloudTrail, List<Trail> trails) {
        Map<String, List<Tag>> tags = new HashMap<>();
        for (int i = 0; i < trails.size(); i += TAG_BATCH) {
            List<String> arns = trails.subList(i, Math.min(i + TAG_BATCH, trails.size())).stream()
                    .map(Trail::trailARN)
                    .toList();
            cloudTrail.listTagsPaginator(r -> r.resourceIdList(arns)).forEach(page -> page.resourceTagList()
                    .forEach(t -> tags.put(t.resourceId(), t.tagsList())));
        }
        return tags;
    }

    private static CloudResource toResource(AwsSession session, Trail trail, boolean logging, List<Tag> tags) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", trail.trailARN());
        attributes.put("arn", trail.trailARN());
        attributes.put("name", trail.name());
        attributes.put("enable_logging", logging);
        attributes.put("is_multi_region_trail", Boolean.TRUE.equals(trail.isMultiRegionTrail()));
        attributes.put("is_organization_trail", Boolean.TRUE.equals(trail.isOrganizationTrail()));
        attributes.put("include_global_service_events", Boolean.TRUE.equals(trail.includeGlobalServiceEvents()));
        attributes.put("enable_log_file_validation", Boolean.TRUE.equals(trail.logFileValidationEnabled()));
        attributes.put("s3_bucket_name", trail.s3BucketName());
        attributes.put("s3_key_prefix", trail.s3KeyPrefix());
        attributes.put("kms_key_id", trail.kmsKeyId());
        attributes.put("cloud_watch_logs_group_arn", trail.cloudWatchLogsLogGroupArn());
        attributes.put("tags", Tags.toMap(tags, Tag::key, Tag::value));
        return new CloudResource(
                TYPE, trail.trailARN(), session.account(), session.region(), trail.trailARN(), attributes, null);
    }
}
