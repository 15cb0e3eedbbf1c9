package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Drift revert of a bucket's public access block: the flags the finding names put back as the state has them. S3
 * takes the four together, so the others are written as they were read.
 */
@ApplicationScoped
public class RevertBucketPublicAccessBlock implements RemediationAction {

    private static final String BLOCK_ACLS = "block_public_acls";
    private static final String IGNORE_ACLS = "ignore_public_acls";
    private static final String BLOCK_POLICY = "block_public_policy";
    private static final String RESTRICT_BUCKETS = "restrict_public_buckets";

    @Override
    public String name() {
        return "revert-bucket-public-access-block";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(BLOCK_ACLS, IGNORE_ACLS, BLOCK_POLICY, RESTRICT_BUCKETS);
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:GetBucketTagging", "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String bucket = target.resourceId();
        Optional<Map<String, String>> tags = S3Buckets.tags(session, bucket);
        if (tags.isEmpty()) {
            return Reading.gone();
        }
        // as the collector reads it: no block is every flag off
        PublicAccessBlockConfiguration block = S3Buckets.absentAs(
                        () -> session.s3()
                                .getPublicAccessBlock(r -> r.bucket(bucket))
                                .publicAccessBlockConfiguration(),
                        "NoSuchPublicAccessBlockConfiguration",
                        PublicAccessBlockConfiguration.builder().build())
                .orElseThrow();
        Map<String, Object> now = new LinkedHashMap<>();
        now.put(BLOCK_ACLS, Boolean.TRUE.equals(block.blockPublicAcls()));
        now.put(IGNORE_ACLS, Boolean.TRUE.equals(block.ignorePublicAcls()));
        now.put(BLOCK_POLICY, Boolean.TRUE.equals(block.blockPublicPolicy()));
        now.put(RESTRICT_BUCKETS, Boolean.TRUE.equals(block.restrictPublicBuckets()));
        RevertPlan plan = RevertPlan.of(target, now);
        if (plan.isMoved()) {
            return Reading.moved(tags.get());
        }
        if (plan.isDone()) {
            return Reading.fixed(tags.get());
        }
        Map<String, Boolean> flags = new LinkedHashMap<>();
        try {
            now.forEach((flag, value) -> flags.put(
                    flag,
                    plan.writes().containsKey(flag)
                            ? StateValues.bool(flag, plan.writes().get(flag))
                            : (Boolean) value));
        } catch (IllegalArgumentException e) {
            return Reading.cannotFix(tags.get(), e.getMessage());
        }
        PublicAccessBlockConfiguration wanted = PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(flags.get(BLOCK_ACLS))
                .ignorePublicAcls(flags.get(IGNORE_ACLS))
                .blockPublicPolicy(flags.get(BLOCK_POLICY))
                .restrictPublicBuckets(flags.get(RESTRICT_BUCKETS))
                .build();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("BlockPublicAcls", wanted.blockPublicAcls());
        configuration.put("IgnorePublicAcls", wanted.ignorePublicAcls());
        configuration.put("BlockPublicPolicy", wanted.blockPublicPolicy());
        configuration.put("RestrictPublicBuckets", wanted.restrictPublicBuckets());
        PlannedCall call = new PlannedCall(
                "s3:PutBucketPublicAccessBlock",
                Map.of("Bucket", bucket, "PublicAccessBlockConfiguration", configuration));
        return Reading.needs(tags.get(), new Fix(call, s -> s.s3().putPublicAccessBlock(
                        r -> r.bucket(bucket).publicAccessBlockConfiguration(wanted))));
    }
}
