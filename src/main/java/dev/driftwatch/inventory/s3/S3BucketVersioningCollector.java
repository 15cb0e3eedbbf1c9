package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code aws_s3_bucket_versioning}: one per bucket, as the provider reads it: a bucket never
 * versioned reads as status {@code Disabled} (a state may hold it so). ListBuckets per 10,000 buckets, then
 * GetBucketVersioning per bucket (S3 has no other way to read it). */
@ApplicationScoped
public class S3BucketVersioningCollector extends TypedCollector {

    static final String TYPE = "aws_s3_bucket_versioning";

    public S3BucketVersioningCollector() {
        super(TYPE, "s3", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return S3Buckets.eachBucket(session, this, bucket -> {
            String name = bucket.name();
            return S3Buckets.configuration(() -> session.s3().getBucketVersioning(r -> r.bucket(name)))
                    .map(versioning -> {
                        Map<String, Object> attributes = S3Buckets.attributes(name);
                        Map<String, Object> configuration = new LinkedHashMap<>();
                        configuration.put("mfa_delete", Objects.toString(versioning.mfaDeleteAsString(), ""));
                        configuration.put(
                                "status", versioning.status() == null ? "Disabled" : versioning.statusAsString());
                        attributes.put("versioning_configuration", List.of(configuration));
                        return S3Buckets.subResource(TYPE, session, name, attributes);
                    });
        });
    }
}
