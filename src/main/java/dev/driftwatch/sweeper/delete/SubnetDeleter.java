package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes a subnet. Its route table association goes with it; interfaces still in it make AWS answer
 * {@code DependencyViolation}.
 */
@ApplicationScoped
public class SubnetDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_subnet";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteSubnet");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource subnet) {
        session.ec2().deleteSubnet(r -> r.subnetId(subnet.id()));
        return Deletion.DONE;
    }
}
