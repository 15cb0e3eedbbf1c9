package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The remediators running and writing (dry-run off) in moto's account, looking for work twice a second. Shared by
 * the remediation tests that write, so the service starts once for all of them.
 */
public class RemediationProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "driftwatch.remediation.enabled", "true",
                "mp.messaging.incoming.findings.enabled", "true",
                "driftwatch.remediation.dry-run", "false",
                "driftwatch.remediation.accounts", Moto.ACCOUNT,
                "driftwatch.remediation.poll-interval", "500ms",
                // the guards' own tests tighten them (Ec2WriteRefusals); fifty fixes at once are expected here
                "driftwatch.remediation.max-writes-per-account-per-hour", "500",
                "driftwatch.remediation.breaker-blast-radius", "500",
                // drift on security groups' tags is put back; any other drift is only reported
                "driftwatch.remediation.drift-rules.group-tags.type", "aws_security_group",
                "driftwatch.remediation.drift-rules.group-tags.attribute", "tags.*",
                "driftwatch.remediation.drift-rules.group-tags.mode", "revert");
    }
}
