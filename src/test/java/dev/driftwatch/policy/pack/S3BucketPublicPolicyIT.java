package dev.driftwatch.policy.pack;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The built-in s3-bucket-public policy in the running service, on bucket policies in moto. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class S3BucketPublicPolicyIT {

    private static final String MESSAGE = "bucket website has a policy statement allowing anyone, without a condition";

    private final S3Client s3 = MotoSession.in(Regions.GLOBAL).s3();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void onlyAnUnconditionalAllowToEveryoneIsPublic() {
        policy(
                "tls-only",
                statement("Deny", "\"*\"", "s3:*", "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},"));
        policy(
                "from-vpce",
                statement(
                        "Allow",
                        "\"*\"",
                        "s3:GetObject",
                        "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}},"));
        policy("one-account", statement("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "s3:GetObject", ""));
        policy(
                "website",
                statement("Allow", "{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}", "s3:GetObject", ""));
        try (PolicyInService policy = PolicyInService.load("s3-bucket-public", Regions.GLOBAL)) {
            String finding = policy.assertOnlyViolation("website", MESSAGE);

            s3.putBucketPolicy(r -> r.bucket("website")
                    .policy(policyOf(
                            "website",
                            statement("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "s3:GetObject", ""))));
            policy.assertResolved(finding);

            s3.putBucketPolicy(r ->
                    r.bucket("website").policy(policyOf("website", statement("Allow", "\"*\"", "s3:GetObject", ""))));
            policy.assertOnlyViolation("website", MESSAGE);
        }
    }

    private void policy(String bucket, String statement) {
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(policyOf(bucket, statement)));
    }

    /** Written by hand, as people do: not in canonical order. */
    private static String statement(String effect, String principal, String action, String condition) {
        return "{\"Sid\":\"S\",\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
                + "\"," + condition + "\"Resource\":\"arn:aws:s3:::BUCKET/*\"}";
    }

    private static String policyOf(String bucket, String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement.replace("BUCKET", bucket) + "]}";
    }
}
