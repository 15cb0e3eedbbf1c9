package dev.driftwatch.inventory.ec2;

import static dev.driftwatch.inventory.ec2.Ec2Values.number;
import static dev.driftwatch.inventory.ec2.Ec2Values.set;

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
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Ipv4PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceIpv6Address;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

/**
 * {@code aws_network_interface}: one paginated DescribeNetworkInterfaces call per 1,000 interfaces, nothing per interface.
 * Interfaces AWS made for its services are AWS-managed.
 */
@ApplicationScoped
public class NetworkInterfaceCollector extends TypedCollector {

    static final String TYPE = "aws_network_interface";
    /** The largest page DescribeNetworkInterfaces allows. */
    private static final int PAGE_SIZE = 1000;
    /** The interface types one creates oneself (CreateNetworkInterface, RunInstances); every other type is a service's. */
    private static final Set<String> CUSTOMER_INTERFACE_TYPES = Set.of("interface", "efa", "efa-only", "trunk");

    public NetworkInterfaceCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> interfaces = new ArrayList<>();
        session.ec2()
                .describeNetworkInterfacesPaginator(r -> r.maxResults(PAGE_SIZE))
                .networkInterfaces()
                .forEach(eni -> interfaces.add(toResource(session, eni)));
        return interfaces;
    }

    private static CloudResource toResource(AwsSession session, NetworkInterface eni) {
        String id = eni.networkInterfaceId();
        String ownerId = eni.ownerId() == null ? session.account() : eni.ownerId();
        String arn = Arns.of(session.region(), ownerId, "ec2", "network-interface/" + id);
        List<String> privateIpList = eni.privateIpAddresses().stream()
                .map(NetworkInterfacePrivateIpAddress::privateIpAddress)
                .toList();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("arn", arn);
        attributes.put("attachment", attachment(eni.attachment()));
        // Not in the provider's schema: whether AWS deletes the interface with its instance (see drift.InstanceParts).
        attributes.put(
                "attachment_delete_on_termination",
                eni.attachment() != null && Ec2Values.bool(eni.attachment().deleteOnTermination()));
        attributes.put("description", eni.description());
        attributes.put("id", id);
        attributes.put("interface_type", eni.interfaceTypeAsString());
        attributes.put("ipv4_prefix_count", eni.ipv4Prefixes().size());
        attributes.put("ipv4_prefixes", set(eni.ipv4Prefixes(), Ipv4PrefixSpecification::ipv4Prefix));
        attributes.put("ipv6_address_count", eni.ipv6Addresses().size());
        attributes.put("ipv6_addresses", set(eni.ipv6Addresses(), NetworkInterfaceIpv6Address::ipv6Address));
        attributes.put("ipv6_prefix_count", eni.ipv6Prefixes().size());
        attributes.put("ipv6_prefixes", set(eni.ipv6Prefixes(), Ipv6PrefixSpecification::ipv6Prefix));
        attributes.put("mac_address", eni.macAddress());
        attributes.put("outpost_arn", eni.outpostArn());
        attributes.put("owner_id", ownerId);
        attributes.put("private_dns_name", eni.privateDnsName());
        attributes.put("private_ip", eni.privateIpAddress());
        attributes.put("private_ip_list", privateIpList);
        attributes.put("private_ips", privateIpList.stream().sorted().toList());
        attributes.put("private_ips_count", Math.max(0, privateIpList.size() - 1));
        attributes.put("requester_managed", Ec2Values.bool(eni.requesterManaged()));
        attributes.put("security_groups", set(eni.groups(), GroupIdentifier::groupId));
        attributes.put("source_dest_check", Ec2Values.bool(eni.sourceDestCheck()));
        attributes.put("subnet_id", eni.subnetId());
        attributes.put("tags", Tags.toMap(eni.tagSet()));
        return new CloudResource(
                TYPE, id, session.account(), session.region(), arn, attributes, null, createdForAService(eni));
    }

    /**
     * Interfaces AWS creates for a service (a NAT gateway, a load balancer, a Lambda function, a VPC endpoint...)
     * are AWS's: requester-managed, or of an interface type only a service creates.
     */
    static boolean createdForAService(NetworkInterface eni) {
        String type = eni.interfaceTypeAsString();
        return Ec2Values.bool(eni.requesterManaged()) || type != null && !CUSTOMER_INTERFACE_TYPES.contains(type);
    }

    /** The provider's {@code attachment} set: at most one block. */
    private static List<Map<String, Object>> attachment(NetworkInterfaceAttachment attachment) {
        if (attachment == null || attachment.attachmentId() == null) {
            return List.of();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("attachment_id", attachment.attachmentId());
        block.put("device_index", number(attachment.deviceIndex()));
        block.put("instance", attachment.instanceId());
        block.put("network_card_index", number(attachment.networkCardIndex()));
        return List.of(block);
    }
}
