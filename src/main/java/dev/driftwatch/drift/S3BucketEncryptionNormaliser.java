package dev.driftwatch.drift;

import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code aws_s3_bucket_server_side_encryption_configuration}: AWS gives every bucket SSE-S3 (AES256, no
 * bucket key) by default; that default is AWS's, not an unmanaged resource.
 */
@ApplicationScoped
public class S3BucketEncryptionNormaliser extends FixedAttributesNormaliser {

    static final Object AWS_DEFAULT = List.of(Map.of(
            "apply_server_side_encryption_by_default",
            List.of(Map.of("sse_algorithm", "AES256", "kms_master_key_id", "")),
            "bucket_key_enabled",
            false));

    public S3BucketEncryptionNormaliser() {
        super("aws_s3_bucket_server_side_encryption_configuration", List.of("id", "bucket", "rule"));
    }

    @Override
    public boolean awsManaged(CloudResource live) {
        return AWS_DEFAULT.equals(live.attributes().get("rule"));
    }
}
