package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

/**
 * Deletes a NAT gateway. AWS deletes it in the background and only then frees its address and its interface in the
 * subnet, so the EIP and the subnet wait for {@link #finished}.
 */
@ApplicationScoped
public class NatGatewayDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_nat_gateway";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteNatGateway", "ec2:DescribeNatGateways");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource gateway) {
        session.ec2().deleteNatGateway(r -> r.natGatewayId(gateway.id()));
        return Deletion.STARTED;
    }

    @Override
    public boolean finished(AwsSession session, CloudResource gateway) {
        // AWS lists a deleted gateway for about an hour, then answers NatGatewayNotFound; one that failed to create
        // holds no address or interface, and AWS removes it by itself
        return Background.finished(
                () -> session.ec2().describeNatGateways(r -> r.natGatewayIds(gateway.id())).natGateways().stream()
                        .allMatch(g -> g.state() == NatGatewayState.DELETED || g.state() == NatGatewayState.FAILED));
    }
}
