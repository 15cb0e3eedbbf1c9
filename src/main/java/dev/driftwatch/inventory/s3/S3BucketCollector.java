package dev.driftwatch.inventory.s3;

import dev.driftwatch.inventory.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
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
 * GetBucketTagging per bucket (S3 has no other way to read tags), plus GetBucketLocation only when
 * ListBuckets did not name the bucket's region.
 */
@ApplicationScoped
public class S3BucketCollector extends TypedCollector {

    static final String TYPE = "aws_s3_bucket";

    public S3BucketCollector() {
        super(TYPE, "s3", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return S3Buckets.eachBucket(session, bucket -> {
            try {
                return Optional.of(toResource(session, bucket));
            } catch (S3Exception e) {
                if (!"NoSuchBucket".equals(S3Buckets.errorCode(e))) {
                    throw e;
                }
                return Optional.empty(); // deleted since the list: no longer there
            }
        });
    }

    private static CloudResource toResource(AwsSession session, Bucket bucket) {
        String name = bucket.name();
        Map<String, Object> tags = S3Buckets.read(() -> session.s3().getBucketTagging(r -> r.bucket(name)).tagSet(), "NoSuchTagSet")
                .map(set -> Tags.toMap(set, Tag::key, Tag::value)).orElseGet(Map::of);
        String region = bucket.bucketRegion() != null ? bucket.bucketRegion()
                : region(session.s3().getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
        String arn = S3Buckets.arn(name);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", name);
        attributes.put("bucket", name);
        attributes.put("arn", arn);
        attributes.put("region", region);
        attributes.put("tags", tags);
        return new CloudResource(TYPE, name, session.account(), session.region(), arn, attributes, bucket.creationDate());
    }

    /** GetBucketLocation names us-east-1 by no constraint and eu-west-1 by its legacy name. */
    static String region(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isEmpty() || "null".equals(locationConstraint)) {
            return "us-east-1";
        }
        return "EU".equals(locationConstraint) ? "eu-west-1" : locationConstraint;
    }
}
