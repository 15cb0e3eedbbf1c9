package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.PolicyJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code aws_s3_bucket_policy}: the policy as canonical JSON; a bucket without a policy has no such
 * resource. ListBuckets per 10,000 buckets, then GetBucketPolicy per bucket (S3 has no other way to read it). */
@ApplicationScoped
public class S3BucketPolicyCollector extends TypedCollector {

    static final String TYPE = "aws_s3_bucket_policy";

    public S3BucketPolicyCollector() {
        super(TYPE, "s3", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return S3Buckets.eachBucket(session, this, bucket -> {
            String name = bucket.name();
            // A bucket without a policy is reported too, with an empty one, so policies that require a
            // statement (TLS only) see it; it is not drift by itself, and a state expecting a policy shows CHANGED.
            var policy = S3Buckets.configuration(
                    () -> session.s3().getBucketPolicy(r -> r.bucket(name)).policy(), "NoSuchBucketPolicy");
            Map<String, Object> attributes = S3Buckets.attributes(name);
            attributes.put("policy", policy.map(PolicyJson::canonical).orElse(""));
            return Optional.of(S3Buckets.subResource(TYPE, session, name, attributes, policy.isEmpty()));
        });
    }
}
