package dev.driftwatch.inventory.ec2;

import static dev.driftwatch.inventory.ec2.Ec2Values.bool;
import static dev.driftwatch.inventory.ec2.Ec2Values.number;

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
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

/** {@code aws_subnet}: one paginated DescribeSubnets call per 1,000 subnets, nothing per subnet. */
@ApplicationScoped
public class SubnetCollector extends TypedCollector {

    static final String TYPE = "aws_subnet";
    /** The largest page DescribeSubnets allows. */
    private static final int PAGE_SIZE = 1000;

    public SubnetCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> subnets = new ArrayList<>();
        session.ec2()
                .describeSubnetsPaginator(r -> r.maxResults(PAGE_SIZE))
                .subnets()
                .forEach(subnet -> subnets.add(toResource(session, subnet)));
        return subnets;
    }

    private static CloudResource toResource(AwsSession session, Subnet subnet) {
        String ownerId = subnet.ownerId() == null ? session.account() : subnet.ownerId();
        String arn = subnet.subnetArn() != null
                ? subnet.subnetArn()
                : Arns.of(session.region(), ownerId, "ec2", "subnet/" + subnet.subnetId());
        SubnetIpv6CidrBlockAssociation ipv6 = subnet.ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState() != null
                        && a.ipv6CidrBlockState().state() == SubnetCidrBlockStateCode.ASSOCIATED)
                .findFirst()
                .orElse(null);
        PrivateDnsNameOptionsOnLaunch dns = subnet.privateDnsNameOptionsOnLaunch();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("arn", arn);
        attributes.put("assign_ipv6_address_on_creation", bool(subnet.assignIpv6AddressOnCreation()));
        attributes.put("availability_zone", subnet.availabilityZone());
        attributes.put("availability_zone_id", subnet.availabilityZoneId());
        attributes.put("cidr_block", subnet.cidrBlock());
        attributes.put("customer_owned_ipv4_pool", subnet.customerOwnedIpv4Pool());
        attributes.put("enable_dns64", bool(subnet.enableDns64()));
        attributes.put("enable_lni_at_device_index", number(subnet.enableLniAtDeviceIndex()));
        attributes.put(
                "enable_resource_name_dns_a_record_on_launch", dns != null && bool(dns.enableResourceNameDnsARecord()));
        attributes.put(
                "enable_resource_name_dns_aaaa_record_on_launch",
                dns != null && bool(dns.enableResourceNameDnsAAAARecord()));
        attributes.put("id", subnet.subnetId());
        attributes.put("ipv6_cidr_block", ipv6 == null ? "" : ipv6.ipv6CidrBlock());
        attributes.put("ipv6_cidr_block_association_id", ipv6 == null ? "" : ipv6.associationId());
        attributes.put("ipv6_native", bool(subnet.ipv6Native()));
        attributes.put("map_customer_owned_ip_on_launch", bool(subnet.mapCustomerOwnedIpOnLaunch()));
        attributes.put("map_public_ip_on_launch", bool(subnet.mapPublicIpOnLaunch()));
        attributes.put("outpost_arn", subnet.outpostArn());
        attributes.put("owner_id", ownerId);
        attributes.put("private_dns_hostname_type_on_launch", dns == null ? null : dns.hostnameTypeAsString());
        attributes.put("tags", Tags.toMap(subnet.tags()));
        attributes.put("vpc_id", subnet.vpcId());
        return new CloudResource(
                TYPE,
                subnet.subnetId(),
                session.account(),
                session.region(),
                arn,
                attributes,
                null,
                Boolean.TRUE.equals(subnet.defaultForAz()));
    }
}
