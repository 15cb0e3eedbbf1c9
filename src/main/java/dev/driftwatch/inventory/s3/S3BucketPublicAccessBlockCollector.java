package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code aws_s3_bucket_public_access_block}: the four switches; a bucket without a configuration has
 * no such resource. ListBuckets per 10,000 buckets, then GetPublicAccessBlock per bucket (S3 has no other way
 * to read it). */
@ApplicationScoped
public class S3BucketPublicAccessBlockCollector extends TypedCollector {

    static final String TYPE = "aws_s3_bucket_public_access_block";

    public S3BucketPublicAccessBlockCollector() {
        super(TYPE, "s3", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return S3Buckets.eachBucket(session, this, bucket -> {
            String name = bucket.name();
            // A bucket without a block is reported too, with every flag off, so the public-access policy
            // sees it; it is not drift by itself (awsManaged), and a state expecting a block shows CHANGED.
            var block = S3Buckets.configuration(
                    () -> session.s3().getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration(),
                    "NoSuchPublicAccessBlockConfiguration");
            Map<String, Object> attributes = S3Buckets.attributes(name);
            attributes.put(
                    "block_public_acls",
                    block.map(b -> Boolean.TRUE.equals(b.blockPublicAcls())).orElse(false));
            attributes.put(
                    "block_public_policy",
                    block.map(b -> Boolean.TRUE.equals(b.blockPublicPolicy())).orElse(false));
            attributes.put(
                    "ignore_public_acls",
                    block.map(b -> Boolean.TRUE.equals(b.ignorePublicAcls())).orElse(false));
            attributes.put(
                    "restrict_public_buckets",
                    block.map(b -> Boolean.TRUE.equals(b.restrictPublicBuckets()))
                            .orElse(false));
            return Optional.of(S3Buckets.subResource(TYPE, session, name, attributes, block.isEmpty()));
        });
    }
}
