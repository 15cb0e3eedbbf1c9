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
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Built-in S3 bucket policies in the running service, on buckets in moto: "good" complies, "bad" is the
 * one violation until fixed.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
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

    private final S3Client s3 = MotoSession.in(Regions.GLOBAL).s3();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
        s3.createBucket(r -> r.bucket("good"));
        s3.createBucket(r -> r.bucket("bad"));
    }

    @Test
    void versioningOff() {
        versioning("good", BucketVersioningStatus.ENABLED);
        try (PolicyInService policy = load("s3-bucket-versioning")) {
            String finding = policy.assertOnlyViolation("bad", "bucket bad does not keep object versions");

            versioning("bad", BucketVersioningStatus.ENABLED);
            policy.assertResolved(finding);
            // Suspended versioning keeps no new versions either: the finding opens again.
            versioning("bad", BucketVersioningStatus.SUSPENDED);
            policy.assertOnlyViolation("bad", "bucket bad does not keep object versions");
        }
    }

    @Test
    void publicAccessNotFullyBlocked() {
        publicAccessBlock("good", true);
        publicAccessBlock("bad", false);
        try (PolicyInService policy = load("s3-bucket-public-access-block")) {
            String finding = policy.assertOnlyViolation("bad", "bucket bad does not block all public access");

            publicAccessBlock("bad", true);
            policy.assertResolved(finding);
            // A bucket with no block at all is reported with every flag off, so the policy sees it.
            s3.createBucket(r -> r.bucket("unblocked"));
            policy.assertOnlyViolation("unblocked", "bucket unblocked does not block all public access");
        }
    }

    @Test
    void plainHttpAccepted() {
        policy("good", TLS_ONLY);
        policy("bad", HTTP_ALLOWED);
        try (PolicyInService policy = load("s3-bucket-tls-only")) {
            String finding = policy.assertOnlyViolation("bad", "bucket bad accepts requests over plain HTTP");

            policy("bad", TLS_ONLY);
            policy.assertResolved(finding);
        }
    }

    @Test
    void encryptedWithoutKms() {
        encryption("good", ServerSideEncryption.AWS_KMS);
        encryption("bad", ServerSideEncryption.AES256);
        try (PolicyInService policy = load("s3-bucket-encryption-kms")) {
            String finding = policy.assertOnlyViolation("bad", "bucket bad does not encrypt objects with a KMS key");

            encryption("bad", ServerSideEncryption.AWS_KMS);
            policy.assertResolved(finding);
        }
    }

    /** S3 buckets are global resources: scanned once per account. */
    private static PolicyInService load(String policyId) {
        return PolicyInService.load(policyId, Regions.GLOBAL);
    }

    private void versioning(String bucket, BucketVersioningStatus status) {
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(status)));
    }

    private void publicAccessBlock(String bucket, boolean restrictPublicBuckets) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(restrictPublicBuckets)));
    }

    private void policy(String bucket, String template) {
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(template.formatted(bucket)));
    }

    private void encryption(String bucket, ServerSideEncryption algorithm) {
        s3.putBucketEncryption(r -> r.bucket(bucket)
                .serverSideEncryptionConfiguration(
                        c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(algorithm)))));
    }
}
