package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Sets a bucket's default encryption to SSE-KMS with the configured key
 * ({@code driftwatch.remediation.bucket-encryption.kms-key-id}, bucket key on to spare KMS requests), fixed once the
 * default rule uses {@code aws:kms} with any key. Without a key it cannot fix: SSE-S3 would not satisfy a KMS
 * policy, and AWS has encrypted every bucket with SSE-S3 since January 2023, so writing it would change nothing. Safe:
 * objects already stored keep their encryption, readers with access to the key notice nothing, and a KMS rule is
 * never replaced.
 */
@ApplicationScoped
public class EnableBucketEncryption implements RemediationAction {

    private final Optional<String> kmsKeyId;

    @Inject
    EnableBucketEncryption(BucketEncryptionConfig config) {
        this(config.kmsKeyId());
    }

    /** Without a key (as the remediator role's policy is generated). */
    EnableBucketEncryption() {
        this(Optional.empty());
    }

    EnableBucketEncryption(Optional<String> kmsKeyId) {
        this.kmsKeyId = kmsKeyId.filter(k -> !k.isBlank());
    }

    @Override
    public String name() {
        return "enable-bucket-encryption";
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:GetBucketTagging", "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String bucket = target.resourceId();
        Optional<Map<String, String>> tags = S3Buckets.tags(session, bucket);
        if (tags.isEmpty()) {
            return Reading.gone();
        }
        List<ServerSideEncryptionRule> rules = S3Buckets.absentAs(
                        () -> session.s3()
                                .getBucketEncryption(r -> r.bucket(bucket))
                                .serverSideEncryptionConfiguration()
                                .rules(),
                        "ServerSideEncryptionConfigurationNotFoundError",
                        List.<ServerSideEncryptionRule>of())
                .orElseThrow();
        return check(bucket, tags.get(), rules);
    }

    /** What a bucket with these default rules needs, given the configured key. */
    Reading check(String bucket, Map<String, String> tags, List<ServerSideEncryptionRule> rules) {
        if (rules.stream().anyMatch(r -> algorithm(r).startsWith("aws:kms"))) {
            return Reading.fixed(tags);
        }
        if (kmsKeyId.isEmpty()) {
            return Reading.cannotFix(
                    tags,
                    "bucket " + bucket + " does not encrypt with KMS and no KMS key is configured"
                            + " (driftwatch.remediation.bucket-encryption.kms-key-id)");
        }
        String key = kmsKeyId.get();
        ServerSideEncryptionRule rule = ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(
                        d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(key))
                .bucketKeyEnabled(true)
                .build();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("ApplyServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", key));
        shown.put("BucketKeyEnabled", true);
        PlannedCall call = new PlannedCall(
                "s3:PutEncryptionConfiguration",
                Map.of("Bucket", bucket, "ServerSideEncryptionConfiguration", Map.of("Rules", List.of(shown))));
        return Reading.needs(tags, new Fix(call, s -> s.s3().putBucketEncryption(
                        r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(rule)))));
    }

    private static String algorithm(ServerSideEncryptionRule rule) {
        return rule.applyServerSideEncryptionByDefault() == null
                ? ""
                : String.valueOf(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString());
    }
}
