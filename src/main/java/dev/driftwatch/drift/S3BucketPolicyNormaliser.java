package dev.driftwatch.drift;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code aws_s3_bucket_policy}: the policy compared as JSON. */
@ApplicationScoped
public class S3BucketPolicyNormaliser extends FixedAttributesNormaliser {

    public S3BucketPolicyNormaliser() {
        super("aws_s3_bucket_policy", List.of("id", "bucket", "policy"), "policy");
    }
}
