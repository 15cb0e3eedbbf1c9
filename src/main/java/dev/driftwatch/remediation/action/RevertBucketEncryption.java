package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.s3.S3BucketEncryptionCollector;
import dev.driftwatch.resource.AttributeValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Drift revert of a bucket's default encryption ({@code rule}): one PutBucketEncryption with the state's rules
 * (algorithm, KMS key, bucket key). A state without a rule is not written: S3 encrypts every bucket, there is
 * nothing to go back to.
 */
@ApplicationScoped
public class RevertBucketEncryption implements RemediationAction {

    private static final String RULE = "rule";

    @Override
    public String name() {
        return "revert-bucket-encryption";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(RULE);
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
        List<Map<String, Object>> now = S3Buckets.absentAs(
                        () -> session
                                .s3()
                                .getBucketEncryption(r -> r.bucket(bucket))
                                .serverSideEncryptionConfiguration()
                                .rules()
                                .stream()
                                .map(S3BucketEncryptionCollector::rule)
                                .toList(),
                        "ServerSideEncryptionConfigurationNotFoundError",
                        List.<Map<String, Object>>of())
                .orElseThrow();
        RevertPlan plan = RevertPlan.of(target, Map.of(RULE, now));
        if (plan.isMoved()) {
            return Reading.moved(tags.get());
        }
        if (plan.isDone()) {
            return Reading.fixed(tags.get());
        }
        Object expected = plan.writes().get(RULE);
        if (AttributeValues.isEmpty(expected)) {
            return Reading.cannotFix(
                    tags.get(), "the state has no encryption rule; S3 encrypts every bucket regardless");
        }
        List<ServerSideEncryptionRule> rules = new ArrayList<>();
        try {
            if (!(expected instanceof List<?> list)) {
                throw StateValues.unfit(RULE, expected, "a list of rules");
            }
            for (Object rule : list) {
                rules.add(rule(rule));
            }
        } catch (IllegalArgumentException e) {
            return Reading.cannotFix(tags.get(), e.getMessage());
        }
        PlannedCall call = new PlannedCall(
                "s3:PutEncryptionConfiguration",
                Map.of(
                        "Bucket",
                        bucket,
                        "Rules",
                        rules.stream().map(S3BucketEncryptionCollector::rule).toList()));
        return Reading.needs(tags.get(), new Fix(call, s -> s.s3().putBucketEncryption(
                        r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(rules)))));
    }

    /** A state's rule as S3 takes it. */
    private static ServerSideEncryptionRule rule(Object value) {
        if (!(value instanceof Map<?, ?> rule)
                || !(rule.get("apply_server_side_encryption_by_default") instanceof List<?> byDefault)
                || byDefault.size() != 1
                || !(byDefault.get(0) instanceof Map<?, ?> sse)) {
            throw StateValues.unfit(RULE, value, "a rule with one apply_server_side_encryption_by_default");
        }
        String algorithm = StateValues.text("sse_algorithm", sse.get("sse_algorithm"));
        String key = Objects.toString(sse.get("kms_master_key_id"), "");
        boolean bucketKey = rule.get("bucket_key_enabled") != null
                && StateValues.bool("bucket_key_enabled", rule.get("bucket_key_enabled"));
        return ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(
                        d -> d.sseAlgorithm(algorithm).kmsMasterKeyID(key.isEmpty() ? null : key))
                .bucketKeyEnabled(bucketKey)
                .build();
    }
}
