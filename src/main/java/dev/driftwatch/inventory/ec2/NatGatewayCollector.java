package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

/**
 * {@code aws_nat_gateway}: one paginated DescribeNatGateways call per 1,000 gateways, nothing per gateway.
 * Deleted gateways (listed for about an hour) are left out, as the provider treats them as gone. The
 * provider stores no ARN, so the resource carries AWS's ARN but its attributes have none.
 */
@ApplicationScoped
public class NatGatewayCollector extends TypedCollector {

    static final String TYPE = "aws_nat_gateway";
    /** The largest page DescribeNatGateways allows. */
    private static final int PAGE_SIZE = 1000;

    public NatGatewayCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> gateways = new ArrayList<>();
        session.ec2().describeNatGatewaysPaginator(r -> r.maxResults(PAGE_SIZE)).natGateways().stream()
                .filter(gateway -> gateway.state() != NatGatewayState.DELETED)
                .forEach(gateway -> gateways.add(toResource(session, gateway)));
        return gateways;
    }

    private static CloudResource toResource(AwsSession session, NatGateway gateway) {
        String id = gateway.natGatewayId();
        List<NatGatewayAddress> addresses = gateway.natGatewayAddresses();
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> secondaryAllocations = new ArrayList<>();
        List<String> secondaryPrivateIps = new ArrayList<>();
        boolean primarySeen = false;
        for (NatGatewayAddress address : addresses) {
            // As the provider: the primary address (or the only one) fills the top-level attributes.
            if (!primarySeen && (Ec2Values.bool(address.isPrimary()) || addresses.size() == 1)) {
                primarySeen = true;
                attributes.put("allocation_id", address.allocationId());
                attributes.put("association_id", address.associationId());
                attributes.put("network_interface_id", address.networkInterfaceId());
                attributes.put("private_ip", address.privateIp());
                attributes.put("public_ip", address.publicIp());
            } else if (!Ec2Values.bool(address.isPrimary())) {
                if (address.allocationId() != null && !address.allocationId().isEmpty()) {
                    secondaryAllocations.add(address.allocationId());
                }
                if (address.privateIp() != null && !address.privateIp().isEmpty()) {
                    secondaryPrivateIps.add(address.privateIp());
                }
            }
        }
        attributes.put("connectivity_type", gateway.connectivityTypeAsString());
        attributes.put("id", id);
        attributes.put(
                "secondary_allocation_ids",
                secondaryAllocations.stream().sorted().toList());
        attributes.put("secondary_private_ip_address_count", secondaryPrivateIps.size());
        attributes.put(
                "secondary_private_ip_addresses",
                secondaryPrivateIps.stream().sorted().toList());
        attributes.put("subnet_id", gateway.subnetId());
        attributes.put("tags", Tags.toMap(gateway.tags()));
        String arn = Arns.of(session.region(), session.account(), "ec2", "natgateway/" + id);
        return new CloudResource(TYPE, id, session.account(), session.region(), arn, attributes, gateway.createTime());
    }
}
