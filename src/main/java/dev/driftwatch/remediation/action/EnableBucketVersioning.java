package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** Turns on a bucket's versioning (once on, S3 can only suspend it: approve where that matters). */
@ApplicationScoped
public class EnableBucketVersioning implements RemediationAction {

    @Override
    public String name() {
        return "enable-bucket-versioning";
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:PutBucketVersioning");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String bucket = target.resourceId();
        Optional<Map<String, String>> tags = S3Buckets.tags(session, bucket);
        if (tags.isEmpty()) {
            return Reading.gone();
        }
        if (session.s3().getBucketVersioning(r -> r.bucket(bucket)).status() == BucketVersioningStatus.ENABLED) {
            return Reading.fixed(tags.get());
        }
        PlannedCall call = new PlannedCall(
                "s3:PutBucketVersioning",
                Map.of("Bucket", bucket, "VersioningConfiguration", Map.of("Status", "Enabled")));
        return Reading.needs(tags.get(), new Fix(call, s -> s.s3().putBucketVersioning(
                        r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)))));
    }
}
