package dev.driftwatch.resource;

import static dev.driftwatch.resource.ApiCall.each;
import static dev.driftwatch.resource.ApiCall.list;
import static dev.driftwatch.resource.ApiCall.once;
import static dev.driftwatch.resource.ResourceTypeDescriptor.builder;
import static dev.driftwatch.resource.Scope.REGIONAL;

import java.util.List;

/** VPC networking: VPCs, subnets, gateways, route tables, interfaces, security groups and their rules. */
final class NetworkTypes {

    private static final String RULE_ATTRIBUTES = "ip_protocol, from_port, to_port, cidr_ipv4, cidr_ipv6,"
            + " prefix_list_id, referenced_security_group_id, security_group_id, description, arn, tags";

    static final List<ResourceTypeDescriptor> ALL = List.of(
            builder("aws_vpc", "ec2", REGIONAL)
                    .sweptAfter(
                            "aws_subnet",
                            "aws_route_table",
                            "aws_internet_gateway",
                            "aws_security_group",
                            "aws_nat_gateway",
                            "aws_vpc_endpoint")
                    .remediatedBy("revert-tags")
                    .awsManaged(AwsManaged.SOME)
                    .calls(
                            list("ec2", "DescribeVpcs", 1000).shared(2),
                            // the main route tables (filtered): a subset of what aws_route_table reads anyway
                            list("ec2", "DescribeRouteTables", 100).shared(2).callsFrom("DescribeRouteTables(main)"),
                            each("ec2", "DescribeVpcAttribute", "DescribeVpcs").times(2))
                    .doc(
                            "vpc id",
                            "cidr_block, instance_tenancy, dhcp_options_id, enable_dns_support,"
                                    + " enable_dns_hostnames, ipv6_cidr_block, ipv6_association_id, main_route_table_id,"
                                    + " default_route_table_id, owner_id, arn,"
                                    + " tags",
                            "2 DescribeVpcAttribute (one attribute per call)")
                    .build(),
            builder("aws_subnet", "ec2", REGIONAL)
                    .sweptAfter(
                            "aws_instance",
                            "aws_network_interface",
                            "aws_nat_gateway",
                            "aws_db_instance",
                            "aws_lambda_function",
                            "aws_vpc_endpoint")
                    .remediatedBy("revert-tags")
                    .awsManaged(AwsManaged.SOME)
                    .calls(list("ec2", "DescribeSubnets", 1000))
                    .doc(
                            "subnet id",
                            "vpc_id, cidr_block, availability_zone(_id), map_public_ip_on_launch,"
                                    + " assign_ipv6_address_on_creation, ipv6 settings, dns settings on launch, outpost_arn,"
                                    + " owner_id, arn, tags",
                            "–")
                    .build(),
            builder("aws_internet_gateway", "ec2", REGIONAL)
                    .sweptAfter("aws_instance", "aws_nat_gateway", "aws_eip")
                    .remediatedBy("revert-tags")
                    .awsManaged(AwsManaged.SOME)
                    // one DescribeVpcs(is-default) call: the VPC list aws_vpc reads anyway
                    .calls(
                            list("ec2", "DescribeVpcs", 1000).shared(2).callsFrom("once"),
                            list("ec2", "DescribeInternetGateways", 1000))
                    .doc("igw id", "vpc_id, owner_id, arn, tags", "–")
                    .build(),
            builder("aws_route_table", "ec2", REGIONAL)
                    // a gateway endpoint's routes are in the table until the endpoint is deleted
                    .sweptAfter("aws_subnet", "aws_vpc_endpoint")
                    .remediatedBy("revert-tags")
                    .awsManaged(AwsManaged.SOME)
                    .calls(list("ec2", "DescribeRouteTables", 100).shared(2))
                    .doc(
                            "rtb id",
                            "route (provider block shape, `local` and propagated routes left out),"
                                    + " propagating_vgws, vpc_id, owner_id, arn, tags",
                            "–")
                    .build(),
            builder("aws_nat_gateway", "ec2", REGIONAL)
                    .sweptAfter("aws_instance")
                    .created()
                    .calls(list("ec2", "DescribeNatGateways", 1000))
                    .doc(
                            "nat id",
                            "allocation_id, association_id, network_interface_id, private_ip, public_ip,"
                                    + " connectivity_type, secondary addresses, subnet_id, tags",
                            "–")
                    .build(),
            builder("aws_eip", "ec2", REGIONAL)
                    .sweptAfter("aws_instance", "aws_nat_gateway")
                    .importId(ImportRule.attribute("allocation_id"))
                    .calls(once("ec2", "DescribeAddresses"))
                    .doc(
                            "allocation id",
                            "association_id, domain, instance, network_interface, private_ip, public_ip,"
                                    + " pools, arn, tags",
                            "–")
                    .build(),
            builder("aws_network_interface", "ec2", REGIONAL)
                    .sweptAfter("aws_instance", "aws_nat_gateway", "aws_db_instance", "aws_lambda_function")
                    .awsManaged(AwsManaged.SOME)
                    .calls(list("ec2", "DescribeNetworkInterfaces", 1000))
                    .doc(
                            "eni id",
                            "attachment, description, interface_type, private_ips, ipv6 addresses, prefixes,"
                                    + " security_groups, source_dest_check, subnet_id, mac_address, arn, tags; also read, not"
                                    + " in the provider's schema: requester_managed, attachment_delete_on_termination",
                            "–")
                    .build(),
            builder("aws_vpc_endpoint", "ec2", REGIONAL)
                    // An interface endpoint's interfaces are requester-managed (AWS-managed, never swept): AWS
                    // removes them with the endpoint, so nothing of aws_network_interface waits for it or it for them.
                    .sweptAfter("aws_instance")
                    .awsManaged(AwsManaged.SOME) // requester-managed endpoints: a service made them for itself
                    .created()
                    .calls(list("ec2", "DescribeVpcEndpoints", 1000))
                    .doc(
                            "vpce id",
                            "vpc_id, service_name, vpc_endpoint_type, state, subnet_ids, route_table_ids,"
                                    + " security_group_ids, network_interface_ids, private_dns_enabled,"
                                    + " ip_address_type, requester_managed, policy (as JSON), owner_id, arn, tags",
                            "–")
                    .build(),
            builder("aws_security_group", "ec2", REGIONAL)
                    .sweptAfter(
                            "aws_instance",
                            "aws_network_interface",
                            "aws_db_instance",
                            "aws_lambda_function",
                            "aws_launch_template",
                            "aws_vpc_endpoint")
                    .remediatedBy(
                            "remove-default-sg-rules",
                            "revert-security-group-rules",
                            "revert-tags",
                            "revoke-world-ingress")
                    .awsManaged(AwsManaged.SOME)
                    .calls(list("ec2", "DescribeSecurityGroups", 1000))
                    .doc(
                            "sg id",
                            "name, description, vpc_id, tags, ingress, egress (as sets of single permissions)",
                            "–")
                    .build(),
            // The three rule types are three views of the same rules, all read from one list.
            builder("aws_vpc_security_group_ingress_rule", "ec2", REGIONAL)
                    .family(Family.VIEW)
                    .calls(list("ec2", "DescribeSecurityGroupRules", 1000).shared(3))
                    .doc("sgr id", RULE_ATTRIBUTES, "–")
                    .build(),
            builder("aws_vpc_security_group_egress_rule", "ec2", REGIONAL)
                    .family(Family.VIEW)
                    .calls(list("ec2", "DescribeSecurityGroupRules", 1000).shared(3))
                    .doc("sgr id", RULE_ATTRIBUTES, "–")
                    .build(),
            builder("aws_security_group_rule", "ec2", REGIONAL)
                    .family(Family.VIEW)
                    .importId(ImportRule.cannot("its import id lists the rule's sources"
                            + " (SGID_TYPE_PROTOCOL_FROM_TO_SOURCE), which driftwatch keeps hashed; import it as an"
                            + " aws_vpc_security_group_ingress_rule or _egress_rule by its sgr- id instead"))
                    .calls(list("ec2", "DescribeSecurityGroupRules", 1000).shared(3))
                    .doc(
                            "`sgrule-<crc32>` as the provider computes it",
                            "type, protocol, from_port, to_port,"
                                    + " cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, self, source_security_group_id,"
                                    + " description, security_group_id",
                            "–")
                    .build(),
            // State-only: Terraform adopts AWS's defaults under these types; they are collected under the plain ones.
            builder("aws_default_vpc", "ec2", REGIONAL).stateAliasOf("aws_vpc").build(),
            builder("aws_default_subnet", "ec2", REGIONAL)
                    .stateAliasOf("aws_subnet")
                    .build(),
            builder("aws_default_route_table", "ec2", REGIONAL)
                    .stateAliasOf("aws_route_table")
                    .build(),
            builder("aws_default_security_group", "ec2", REGIONAL)
                    .stateAliasOf("aws_security_group")
                    .build());

    private NetworkTypes() {}
}
