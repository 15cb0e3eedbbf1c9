package dev.driftwatch.inventory.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3BucketPolicyCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3BucketPolicyCollector collector = new S3BucketPolicyCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void comparesThePolicyAsJsonAndSeesAStatementChangedByHand() {
        S3Client s3 = session.s3();
        s3.createBucket(r -> r.bucket("logs-bucket"));
        s3.createBucket(r -> r.bucket("plain"));
        // written by hand: other key order, whitespace
        s3.putBucketPolicy(r -> r.bucket("logs-bucket").policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [ { "Sid": "Deny", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                    "Resource": ["arn:aws:s3:::logs-bucket/*"], "Condition": { "Bool": { "aws:SecureTransport": "false" } } } ]
                }"""));
        // as provider 5.100 wrote it from jsonencode(...) of the same policy; a state may also hold a heredoc's layout
        Map<String, Object> state = Map.of(
                "bucket",
                "logs-bucket",
                "id",
                "logs-bucket",
                "policy",
                "{\"Statement\":[{\"Action\":\"s3:*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"Resource\":[\"arn:aws:s3:::logs-bucket/*\"],\"Sid\":\"Deny\"}],\"Version\":\"2012-10-17\"}");

        var collected = collector.collect(session);
        // A bucket without a policy is reported with an empty one, as AWS's (never unmanaged drift by itself).
        assertThat(collected)
                .filteredOn(r -> !r.awsManaged())
                .extracting(CloudResource::id)
                .containsExactly("logs-bucket");
        CloudResource live = collected.get(0);
        assertThat(live.attributes().get("policy")).isEqualTo(state.get("policy"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        s3.putBucketPolicy(
                r -> r.bucket("logs-bucket")
                        .policy(
                                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\","
                                        + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs-bucket/*\"}]}"));
        CloudResource changed = DriftCheck.find(collector.collect(session), "logs-bucket");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("policy");
                assertThat(d.actual().toString()).contains("s3:GetObject");
            });
        });
    }
}
