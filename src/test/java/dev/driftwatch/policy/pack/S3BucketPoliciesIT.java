package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Collector;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.s3.S3BucketEncryptionCollector;
import dev.driftwatch.inventory.s3.S3BucketPolicyCollector;
import dev.driftwatch.inventory.s3.S3BucketPublicAccessBlockCollector;
import dev.driftwatch.inventory.s3.S3BucketVersioningCollector;
import dev.driftwatch.policy.PolicyViolation;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Built-in S3 bucket policies against buckets collected from moto: "good" complies, "bad" does not until fixed. */
class S3BucketPoliciesIT {

    private static final String TLS_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": ["arn:aws:s3:::%1$s", "arn:aws:s3:::%1$s/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""";
    /** Allows plain HTTP explicitly and denies something else: both words appear, but nothing refuses HTTP. */
    private static final String HTTP_ALLOWED = """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%1$s/*",
              "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
             {"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::%1$s"}]}""";

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3Client s3 = session.s3();

    @BeforeEach
    void reset() {
        Moto.reset();
        s3.createBucket(r -> r.bucket("good"));
        s3.createBucket(r -> r.bucket("bad"));
    }

    @Test
    void versioningOff() {
        versioning("good", BucketVersioningStatus.ENABLED);
        assertOnlyBad("s3-bucket-versioning", new S3BucketVersioningCollector(), "bucket bad does not keep object versions");

        versioning("bad", BucketVersioningStatus.ENABLED);
        assertThat(violations("s3-bucket-versioning", new S3BucketVersioningCollector())).isEmpty();
        versioning("bad", BucketVersioningStatus.SUSPENDED);
        assertOnlyBad("s3-bucket-versioning", new S3BucketVersioningCollector(), "bucket bad does not keep object versions");
    }

    @Test
    void publicAccessNotFullyBlocked() {
        publicAccessBlock("good", true);
        publicAccessBlock("bad", false);
        assertOnlyBad("s3-bucket-public-access-block", new S3BucketPublicAccessBlockCollector(),
                "bucket bad does not block all public access");

        publicAccessBlock("bad", true);
        assertThat(violations("s3-bucket-public-access-block", new S3BucketPublicAccessBlockCollector())).isEmpty();
        // A bucket with no block at all is reported with every flag off, so the policy sees it.
        s3.createBucket(r -> r.bucket("unblocked"));
        assertThat(violations("s3-bucket-public-access-block", new S3BucketPublicAccessBlockCollector()))
                .extracting(v -> v.resource().id()).containsExactly("unblocked");
    }

    @Test
    void plainHttpAccepted() {
        policy("good", TLS_ONLY);
        policy("bad", HTTP_ALLOWED);
        assertOnlyBad("s3-bucket-tls-only", new S3BucketPolicyCollector(), "bucket bad accepts requests over plain HTTP");

        policy("bad", TLS_ONLY);
        assertThat(violations("s3-bucket-tls-only", new S3BucketPolicyCollector())).isEmpty();
    }

    @Test
    void encryptedWithoutKms() {
        encryption("good", ServerSideEncryption.AWS_KMS);
        encryption("bad", ServerSideEncryption.AES256);
        assertOnlyBad("s3-bucket-encryption-kms", new S3BucketEncryptionCollector(), "bucket bad does not encrypt objects with a KMS key");

        encryption("bad", ServerSideEncryption.AWS_KMS);
        assertThat(violations("s3-bucket-encryption-kms", new S3BucketEncryptionCollector())).isEmpty();
    }

    private void assertOnlyBad(String policy, Collector collector, String message) {
        assertThat(violations(policy, collector)).singleElement().satisfies(v -> {
            assertThat(v.resource().id()).isEqualTo("bad");
            assertThat(v.message()).isEqualTo(message);
        });
    }

    private List<PolicyViolation> violations(String policy, Collector collector) {
        return BuiltInPolicies.violations(policy, collector.collect(session));
    }

    private void versioning(String bucket, BucketVersioningStatus status) {
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(status)));
    }

    private void publicAccessBlock(String bucket, boolean restrictPublicBuckets) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(restrictPublicBuckets)));
    }

    private void policy(String bucket, String template) {
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(template.formatted(bucket)));
    }

    private void encryption(String bucket, ServerSideEncryption algorithm) {
        s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
                rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(algorithm)))));
    }
}
