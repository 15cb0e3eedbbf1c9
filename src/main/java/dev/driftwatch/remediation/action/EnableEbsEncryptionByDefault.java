package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Turns on EBS encryption by default in the session's region (the setting has one id per region). Safe to do
 * unattended: it only affects volumes created from now on (with the region's default EBS key); existing volumes,
 * snapshots and running instances are untouched.
 */
@ApplicationScoped
public class EnableEbsEncryptionByDefault implements RemediationAction {

    @Override
    public String name() {
        return "enable-ebs-encryption-by-default";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:GetEbsEncryptionByDefault", "ec2:EnableEbsEncryptionByDefault");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        if (Boolean.TRUE.equals(session.ec2().getEbsEncryptionByDefault(r -> {}).ebsEncryptionByDefault())) {
            return Reading.fixed(Map.of());
        }
        PlannedCall call = new PlannedCall("ec2:EnableEbsEncryptionByDefault", Map.of("Region", session.region()));
        return Reading.needs(Map.of(), new Fix(call, s -> s.ec2().enableEbsEncryptionByDefault(r -> {})));
    }
}
