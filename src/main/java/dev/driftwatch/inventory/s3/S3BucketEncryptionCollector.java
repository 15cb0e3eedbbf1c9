package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** {@code aws_s3_bucket_server_side_encryption_configuration}: the default encryption rules; a bucket
 * without a configuration has no such resource. ListBuckets per 10,000 buckets, then GetBucketEncryption per
 * bucket (S3 has no other way to read it). */
@ApplicationScoped
public class S3BucketEncryptionCollector extends TypedCollector {

    static final String TYPE = "aws_s3_bucket_server_side_encryption_configuration";

    public S3BucketEncryptionCollector() {
        super(TYPE, "s3", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return S3Buckets.eachBucket(session, this, bucket -> {
            String name = bucket.name();
            // A bucket without a configuration (AWS gives every bucket one since 2023; emulators may not)
            // is reported with no rule, so the encryption policy sees it; it is not drift by itself.
            var configuration = S3Buckets.configuration(
                    () -> session.s3().getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration(),
                    "ServerSideEncryptionConfigurationNotFoundError");
            Map<String, Object> attributes = S3Buckets.attributes(name);
            attributes.put(
                    "rule",
                    configuration
                            .map(c -> c.rules().stream()
                                    .map(S3BucketEncryptionCollector::rule)
                                    .toList())
                            .orElse(List.of()));
            return Optional.of(S3Buckets.subResource(TYPE, session, name, attributes, configuration.isEmpty()));
        });
    }

    /** One rule in the provider's shape: the default as a one-element list (empty when none), bucket key as a boolean. */
    public static Map<String, Object> rule(ServerSideEncryptionRule rule) {
        List<Map<String, Object>> byDefault = new ArrayList<>();
        if (rule.applyServerSideEncryptionByDefault() != null) {
            Map<String, Object> sse = new LinkedHashMap<>();
            sse.put(
                    "kms_master_key_id",
                    Objects.toString(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID(), ""));
            sse.put("sse_algorithm", rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString());
            byDefault.add(sse);
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("apply_server_side_encryption_by_default", byDefault);
        flat.put("bucket_key_enabled", Boolean.TRUE.equals(rule.bucketKeyEnabled()));
        return flat;
    }
}
