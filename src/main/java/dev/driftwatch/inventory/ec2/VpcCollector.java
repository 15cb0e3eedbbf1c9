package dev.driftwatch.inventory.ec2;

import static dev.driftwatch.inventory.ec2.Ec2Values.bool;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/**
 * {@code aws_vpc}: one paginated DescribeVpcs call per 1,000 VPCs and one DescribeRouteTables call per 100
 * main route tables; per VPC two DescribeVpcAttribute calls (the API reads one attribute of one VPC at a time).
 */
@ApplicationScoped
public class VpcCollector extends TypedCollector {

    static final String TYPE = "aws_vpc";
    /** The largest pages DescribeVpcs and DescribeRouteTables allow. */
    private static final int PAGE_SIZE = 1000;

    private static final int ROUTE_TABLE_PAGE_SIZE = 100;

    public VpcCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        Ec2Client ec2 = session.ec2();
        Map<String, String> mainRouteTables = new HashMap<>();
        ec2.describeRouteTablesPaginator(r -> r.maxResults(ROUTE_TABLE_PAGE_SIZE)
                        .filters(f -> f.name("association.main").values("true")))
                .routeTables()
                .forEach(table -> mainRouteTables.put(table.vpcId(), table.routeTableId()));
        List<CloudResource> vpcs = new ArrayList<>();
        ec2.describeVpcsPaginator(r -> r.maxResults(PAGE_SIZE))
                .vpcs()
                .forEach(vpc -> vpcs.add(toResource(session, ec2, vpc, mainRouteTables.get(vpc.vpcId()))));
        return vpcs;
    }

    private static CloudResource toResource(AwsSession session, Ec2Client ec2, Vpc vpc, String mainRouteTable) {
        String ownerId = vpc.ownerId() == null ? session.account() : vpc.ownerId();
        String arn = Arns.of(session.region(), ownerId, "ec2", "vpc/" + vpc.vpcId());
        VpcIpv6CidrBlockAssociation ipv6 = vpc.ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState() != null
                        && a.ipv6CidrBlockState().state() == VpcCidrBlockStateCode.ASSOCIATED)
                .findFirst()
                .orElse(null);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("arn", arn);
        attributes.put("cidr_block", vpc.cidrBlock());
        attributes.put("default_route_table_id", mainRouteTable);
        attributes.put("dhcp_options_id", vpc.dhcpOptionsId());
        attributes.put("enable_dns_hostnames", attribute(ec2, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_HOSTNAMES));
        attributes.put("enable_dns_support", attribute(ec2, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_SUPPORT));
        attributes.put("id", vpc.vpcId());
        attributes.put("instance_tenancy", vpc.instanceTenancyAsString());
        attributes.put("ipv6_association_id", ipv6 == null ? "" : ipv6.associationId());
        attributes.put("ipv6_cidr_block", ipv6 == null ? "" : ipv6.ipv6CidrBlock());
        attributes.put("main_route_table_id", mainRouteTable);
        attributes.put("owner_id", ownerId);
        attributes.put("tags", Tags.toMap(vpc.tags()));
        // The default VPC is AWS's (Terraform manages it, if at all, as aws_default_vpc).
        return new CloudResource(
                TYPE,
                vpc.vpcId(),
                session.account(),
                session.region(),
                arn,
                attributes,
                null,
                Boolean.TRUE.equals(vpc.isDefault()));
    }

    private static boolean attribute(Ec2Client ec2, String vpcId, VpcAttributeName name) {
        var response = ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(name));
        return name == VpcAttributeName.ENABLE_DNS_HOSTNAMES
                ? response.enableDnsHostnames() != null
                        && bool(response.enableDnsHostnames().value())
                : response.enableDnsSupport() != null
                        && bool(response.enableDnsSupport().value());
    }
}
