package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes a VPC once the types it is swept after are gone; its main route table, default security group and
 * default network ACL go with it. Anything else left in it makes AWS answer {@code DependencyViolation}.
 */
@ApplicationScoped
public class VpcDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_vpc";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteVpc");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource vpc) {
        session.ec2().deleteVpc(r -> r.vpcId(vpc.id()));
        return Deletion.DONE;
    }
}
