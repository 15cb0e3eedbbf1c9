package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
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
        return Map.ofEntries(
                Map.entry("driftwatch.remediation.enabled", "true"),
                Map.entry("mp.messaging.incoming.findings.enabled", "true"),
                Map.entry("driftwatch.remediation.dry-run", "false"),
                Map.entry("driftwatch.remediation.accounts", Moto.ACCOUNT),
                Map.entry("driftwatch.remediation.poll-interval", "500ms"),
                // the guards' own tests tighten them (Ec2WriteRefusals); fifty fixes at once are expected here
                Map.entry("driftwatch.remediation.max-writes-per-account-per-hour", "500"),
                Map.entry("driftwatch.remediation.breaker-blast-radius", "500"),
                // drift on security groups' tags is put back; any other drift is only reported
                Map.entry("driftwatch.remediation.drift-rules.group-tags.type", "aws_security_group"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.attribute", "tags.*"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.mode", "revert"),
                // enable-bucket-encryption writes SSE-KMS with this key (an alias, as in every account)
                Map.entry("driftwatch.remediation.bucket-encryption.kms-key-id", KMS_KEY_ALIAS));
    }
}
