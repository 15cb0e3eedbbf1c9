package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The remediators running and writing (dry-run off) in moto's account, looking for work twice a second. Shared by
 * the remediation tests that write, so the service starts once for all of them.
 */
public class RemediationProfile implements QuarkusTestProfile {

    /** {@code driftwatch.remediation.bucket-encryption.kms-key-id} */
    public static final String KMS_KEY_ALIAS = "alias/driftwatch-s3";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(Map.of(
                "driftwatch.remediation.enabled", "true",
                "mp.messaging.incoming.findings.enabled", "true",
                "driftwatch.remediation.dry-run", "false",
                "driftwatch.remediation.accounts", Moto.ACCOUNT,
                "driftwatch.remediation.poll-interval", "500ms",
                // the guards' own tests tighten them (Ec2WriteRefusals); fifty fixes at once are expected here
                "driftwatch.remediation.max-writes-per-account-per-hour", "500",
                "driftwatch.remediation.breaker-blast-radius", "500",
                // the test states' buckets carry no account in their ARN
                "driftwatch.baseline.terraform.default-account", Moto.ACCOUNT,
                // enable-bucket-encryption writes SSE-KMS with this key (an alias, as in every account)
                "driftwatch.remediation.bucket-encryption.kms-key-id", KMS_KEY_ALIAS));
        config.put("driftwatch.remediation.max-auto-fixes-per-account-per-scan", "500"); // fifty from one scan, too
        // drift put back: security groups' tags, and their rules (*gress: ingress, egress, or both in one finding),
        // KMS rotation, bucket versioning, public access blocks and encryption, instances' metadata options; RDS
        // settings once approved (RevertsIT); any other drift is only reported
        driftRule(config, "group-tags", "aws_security_group", "tags.*", "revert");
        driftRule(config, "group-rules", "aws_security_group", "*gress", "revert");
        driftRule(config, "key-rotation", "aws_kms_key", "enable_key_rotation", "revert");
        driftRule(config, "versioning", "aws_s3_bucket_versioning", "versioning_configuration", "revert");
        driftRule(config, "public-access-block", "aws_s3_bucket_public_access_block", "*", "revert");
        driftRule(config, "encryption", "aws_s3_bucket_server_side_encryption_configuration", "rule", "revert");
        driftRule(config, "metadata-options", "aws_instance", "metadata_options", "revert");
        driftRule(config, "rds", "aws_db_instance", "*", "approve");
        return config;
    }

    private static void driftRule(Map<String, String> config, String name, String type, String attribute, String mode) {
        String prefix = "driftwatch.remediation.drift-rules." + name + ".";
        config.put(prefix + "type", type);
        config.put(prefix + "attribute", attribute);
        config.put(prefix + "mode", mode);
    }
}
