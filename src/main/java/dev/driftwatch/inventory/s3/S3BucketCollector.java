package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.InventoryConfig;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code aws_s3_bucket}: name, ARN, region and tags. Provider 5.x keeps versioning, encryption, policy and
 * the rest in their own resources, which have their own collectors. ListBuckets per 10,000 buckets, then
 * GetBucketTagging per bucket (S3 has no other way to read tags); the region as {@link BucketRegions}
 * finds it.
 */
@Singleton // not @ApplicationScoped: a client proxy would need a no-argument constructor
public class S3BucketCollector extends TypedCollector {

    static final String TYPE = "aws_s3_bucket";

    /** Where buckets whose region ListBuckets does not name are looked for first. */
    private final List<String> likelyRegions;

    @Inject
    S3BucketCollector(InventoryConfig config) {
        this(config.regions().stream().filter(r -> !"all".equals(r)).toList());
    }

    public S3BucketCollector(List<String> likelyRegions) {
        super(TYPE, "s3", true);
        this.likelyRegions = likelyRegions;
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<Bucket> buckets = S3Buckets.list(session);
        BucketRegions regions = BucketRegions.of(session, buckets, likelyRegions);
        return S3Buckets.eachBucket(session, this, buckets, bucket -> {
            try {
                return Optional.of(toResource(session, bucket, regions));
            } catch (S3Exception e) {
                if (!"NoSuchBucket".equals(S3Buckets.errorCode(e))) {
                    throw e;
                }
                return Optional.empty(); // deleted since the list: no longer there
            }
        });
    }

    private static CloudResource toResource(AwsSession session, Bucket bucket, BucketRegions regions) {
        String name = bucket.name();
        Map<String, Object> tags = S3Buckets.read(
                        () -> session.s3().getBucketTagging(r -> r.bucket(name)).tagSet(), "NoSuchTagSet")
                .map(set -> Tags.toMap(set, Tag::key, Tag::value))
                .orElseGet(Map::of);
        String region = regions.of(name);
        String arn = S3Buckets.arn(name);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", name);
        attributes.put("bucket", name);
        attributes.put("arn", arn);
        attributes.put("region", region);
        attributes.put("tags", tags);
        return new CloudResource(
                TYPE, name, session.account(), session.region(), arn, attributes, bucket.creationDate());
    }
}
