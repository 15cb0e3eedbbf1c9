package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Detaches an internet gateway from its VPC (a gateway attaches to one VPC at most; the collector reports it as
 * {@code vpc_id}), then deletes it. Detaching fails while public addresses in the VPC still use the gateway: a
 * dependency, cleared once the EIPs and NAT gateways are swept.
 */
@ApplicationScoped
public class InternetGatewayDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_internet_gateway";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DetachInternetGateway", "ec2:DeleteInternetGateway");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource gateway) {
        var ec2 = session.ec2();
        Attributes.text(gateway, "vpc_id")
                .ifPresent(vpc -> ec2.detachInternetGateway(
                        r -> r.internetGatewayId(gateway.id()).vpcId(vpc)));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(gateway.id()));
        return Deletion.DONE;
    }
}
