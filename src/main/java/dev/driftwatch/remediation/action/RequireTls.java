package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a bucket refuse requests without TLS: its policy read, one Deny statement on {@code aws:SecureTransport}
 * false ({@value TlsOnlyStatement#SID}) added, every other statement written back exactly as read. Safe: it only
 * ever adds a Deny, for plain HTTP, which AWS's own SDKs and consoles never use. Approve by default: an old client
 * speaking plain HTTP loses the bucket. A policy that is not readable JSON is left to a person (cannot fix).
 */
@ApplicationScoped
public class RequireTls implements RemediationAction {

    @Override
    public String name() {
        return "require-tls";
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:GetBucketTagging", "s3:GetBucketPolicy", "s3:PutBucketPolicy");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String bucket = target.resourceId();
        Optional<Map<String, String>> tags = S3Buckets.tags(session, bucket);
        if (tags.isEmpty()) {
            return Reading.gone();
        }
        Optional<String> policy = S3Buckets.absentAs(
                () -> session.s3().getBucketPolicy(r -> r.bucket(bucket)).policy(), "NoSuchBucketPolicy", null);
        try {
            if (TlsOnlyStatement.present(policy)) {
                return Reading.fixed(tags.get());
            }
            String merged = TlsOnlyStatement.merged(policy, bucket);
            PlannedCall call = new PlannedCall("s3:PutBucketPolicy", Map.of("Bucket", bucket, "Policy", merged));
            return Reading.needs(tags.get(), new Fix(call, s -> s.s3().putBucketPolicy(
                            r -> r.bucket(bucket).policy(merged))));
        } catch (TlsOnlyStatement.Unreadable e) {
            return Reading.cannotFix(tags.get(), "bucket " + bucket + ": " + e.getMessage());
        }
    }
}
