package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.s3.S3BucketPolicyCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3BucketPublicPolicyIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3BucketPolicyCollector collector = new S3BucketPolicyCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void onlyAnUnconditionalAllowToEveryoneIsPublic() {
        S3Client s3 = session.s3();
        policy(s3, "tls-only", statement("Deny", "\"*\"", "s3:*", "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},"));
        policy(s3, "from-vpce", statement("Allow", "\"*\"", "s3:GetObject", "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}},"));
        policy(s3, "one-account", statement("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "s3:GetObject", ""));
        policy(s3, "website", statement("Allow", "{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}", "s3:GetObject", ""));

        assertThat(BuiltInPolicies.violations("s3-bucket-public", collector.collect(session))).singleElement().satisfies(v -> {
            assertThat(v.resource().id()).isEqualTo("website");
            assertThat(v.message()).isEqualTo("bucket website has a policy statement allowing anyone, without a condition");
        });

        s3.putBucketPolicy(r -> r.bucket("website").policy(policyOf("website",
                statement("Allow", "{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "s3:GetObject", ""))));
        assertThat(BuiltInPolicies.violations("s3-bucket-public", collector.collect(session))).isEmpty();

        s3.putBucketPolicy(r -> r.bucket("website").policy(policyOf("website", statement("Allow", "\"*\"", "s3:GetObject", ""))));
        assertThat(BuiltInPolicies.violations("s3-bucket-public", collector.collect(session)))
                .extracting(v -> v.resource().id()).containsExactly("website");
    }

    private static void policy(S3Client s3, String bucket, String statement) {
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(policyOf(bucket, statement)));
    }

    /** Written by hand, as people do: not in canonical order. */
    private static String statement(String effect, String principal, String action, String condition) {
        return "{\"Sid\":\"S\",\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action + "\","
                + condition + "\"Resource\":\"arn:aws:s3:::BUCKET/*\"}";
    }

    private static String policyOf(String bucket, String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement.replace("BUCKET", bucket) + "]}";
    }
}
