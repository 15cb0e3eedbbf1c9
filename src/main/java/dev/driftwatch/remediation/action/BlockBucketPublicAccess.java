package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/** Turns on all four public access block settings of a bucket. */
@ApplicationScoped
public class BlockBucketPublicAccess implements RemediationAction {

    private static final PublicAccessBlockConfiguration ALL_BLOCKED = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true)
            .ignorePublicAcls(true)
            .blockPublicPolicy(true)
            .restrictPublicBuckets(true)
            .build();

    @Override
    public String name() {
        return "block-public-access";
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
        PublicAccessBlockConfiguration now = S3Buckets.absentAs(
                        () -> session.s3()
                                .getPublicAccessBlock(r -> r.bucket(bucket))
                                .publicAccessBlockConfiguration(),
                        "NoSuchPublicAccessBlockConfiguration",
                        PublicAccessBlockConfiguration.builder().build())
                .orElseThrow();
        if (ALL_BLOCKED.equals(now)) {
            return Reading.fixed(tags.get());
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("BlockPublicAcls", true);
        configuration.put("IgnorePublicAcls", true);
        configuration.put("BlockPublicPolicy", true);
        configuration.put("RestrictPublicBuckets", true);
        PlannedCall call = new PlannedCall(
                "s3:PutBucketPublicAccessBlock",
                Map.of("Bucket", bucket, "PublicAccessBlockConfiguration", configuration));
        return Reading.needs(tags.get(), new Fix(call, s -> s.s3().putPublicAccessBlock(
                        r -> r.bucket(bucket).publicAccessBlockConfiguration(ALL_BLOCKED))));
    }
}
