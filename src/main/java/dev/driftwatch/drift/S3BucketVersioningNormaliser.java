package dev.driftwatch.drift;

import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code aws_s3_bucket_versioning}: every bucket has one, as the provider reads it (a bucket never
 * versioned reads as status {@code Disabled}); that default is AWS's, not an unmanaged resource.
 */
@ApplicationScoped
public class S3BucketVersioningNormaliser extends FixedAttributesNormaliser {

    public S3BucketVersioningNormaliser() {
        super("aws_s3_bucket_versioning", List.of("id", "bucket", "versioning_configuration"));
    }

    @Override
    public boolean awsManaged(CloudResource live) {
        return live.attributes().get("versioning_configuration") instanceof List<?> l
                && !l.isEmpty()
                && l.get(0) instanceof Map<?, ?> m
                && "Disabled".equals(m.get("status"));
    }
}
