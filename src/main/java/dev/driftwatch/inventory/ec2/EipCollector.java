package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;

/**
 * {@code aws_eip}: one DescribeAddresses call (the API has no pagination and returns every address of the
 * region), nothing per address. The id is the allocation id. Not reported: {@code public_dns} and
 * {@code private_dns} (the provider derives them), {@code ptr_record} (a DescribeAddressesAttribute call
 * per address).
 */
@ApplicationScoped
public class EipCollector extends TypedCollector {

    static final String TYPE = "aws_eip";

    public EipCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session.ec2().describeAddresses().addresses().stream()
                .map(address -> toResource(session, address))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, Address address) {
        // EC2-Classic addresses had no allocation id; the provider then used the public IP.
        String id = address.allocationId() != null ? address.allocationId() : address.publicIp();
        String arn = Arns.of(session.region(), session.account(), "ec2", "elastic-ip/" + id);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("allocation_id", address.allocationId());
        attributes.put("arn", arn);
        attributes.put("association_id", address.associationId());
        attributes.put("carrier_ip", address.carrierIp());
        attributes.put("customer_owned_ip", address.customerOwnedIp());
        attributes.put("customer_owned_ipv4_pool", address.customerOwnedIpv4Pool());
        attributes.put("domain", address.domainAsString());
        attributes.put("id", id);
        attributes.put("instance", address.instanceId());
        attributes.put("network_border_group", address.networkBorderGroup());
        attributes.put("network_interface", address.networkInterfaceId());
        attributes.put("private_ip", address.privateIpAddress());
        attributes.put("public_ip", address.publicIp());
        attributes.put("public_ipv4_pool", address.publicIpv4Pool());
        attributes.put("tags", Tags.toMap(address.tags()));
        return new CloudResource(TYPE, id, session.account(), session.region(), arn, attributes, null);
    }
}
