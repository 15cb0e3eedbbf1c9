package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Deletes a security group after revoking its own rules: two groups that reference each other can then both go,
 * the second in a later pass once the first one's rule no longer names it.
 */
@ApplicationScoped
public class SecurityGroupDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_security_group";
    }

    @Override
    public List<String> iamActions() {
        return List.of(
                "ec2:DescribeSecurityGroups",
                "ec2:RevokeSecurityGroupIngress",
                "ec2:RevokeSecurityGroupEgress",
                "ec2:DeleteSecurityGroup");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource group) {
        List<SecurityGroup> found = session.ec2()
                .describeSecurityGroups(r -> r.groupIds(group.id()))
                .securityGroups();
        for (SecurityGroup current : found) {
            if (!current.ipPermissions().isEmpty()) {
                session.ec2()
                        .revokeSecurityGroupIngress(r -> r.groupId(group.id()).ipPermissions(current.ipPermissions()));
            }
            if (!current.ipPermissionsEgress().isEmpty()) {
                session.ec2().revokeSecurityGroupEgress(r -> r.groupId(group.id())
                        .ipPermissions(current.ipPermissionsEgress()));
            }
        }
        session.ec2().deleteSecurityGroup(r -> r.groupId(group.id()));
        return Deletion.DONE;
    }
}
