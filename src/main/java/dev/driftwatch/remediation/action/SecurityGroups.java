package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** A security group by id, EC2's "no such group" read as gone. */
final class SecurityGroups {

    private SecurityGroups() {}

    static Optional<SecurityGroup> find(AwsSession session, String groupId) {
        try {
            return session.ec2().describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().stream()
                    .findFirst();
        } catch (Ec2Exception e) {
            if ("InvalidGroup.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
