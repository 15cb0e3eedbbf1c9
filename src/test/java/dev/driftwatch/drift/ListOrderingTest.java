package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.compare;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.AttributeDiff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Set-like lists are stored in hash order by the provider and in API order by AWS: order alone is not drift. */
class ListOrderingTest {

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void instanceSecurityGroupsInAnotherOrderAreNotDrift() {
        var state = expected("aws_instance", "web", "i-1", instance(List.of("sg-b", "sg-a", "sg-c")));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_instance", "i-1", instance(List.of("sg-a", "sg-b", "sg-c")))),
                                List.of(state),
                                "aws_instance")
                        .observations())
                .isEmpty();
        assertThat(compare(
                                comparator,
                                List.of(live("aws_instance", "i-1", instance(List.of("sg-a", "sg-b")))),
                                List.of(state),
                                "aws_instance")
                        .observations())
                .singleElement()
                .satisfies(o -> assertThat(o.diffs())
                        .containsExactly(new AttributeDiff(
                                "vpc_security_group_ids", List.of("sg-b", "sg-a", "sg-c"), List.of("sg-a", "sg-b"))));
    }

    @Test
    void routeBlocksInAnotherOrderAreNotDrift() {
        Map<String, Object> toGateway = route("0.0.0.0/0", "igw-1", "");
        Map<String, Object> toPeer = route("10.1.0.0/16", "", "pcx-1");
        var state = expected("aws_route_table", "public", "rtb-1", routeTable(List.of(toPeer, toGateway)));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_route_table", "rtb-1", routeTable(List.of(toGateway, toPeer)))),
                                List.of(state),
                                "aws_route_table")
                        .observations())
                .isEmpty();
        assertThat(compare(
                                comparator,
                                List.of(live(
                                        "aws_route_table",
                                        "rtb-1",
                                        routeTable(List.of(toGateway, route("10.1.0.0/16", "", "pcx-2"))))),
                                List.of(state),
                                "aws_route_table")
                        .observations())
                .singleElement()
                .satisfies(o ->
                        assertThat(o.diffs()).extracting(AttributeDiff::path).containsExactly("route"));
    }

    @Test
    void cidrBlocksOfAGroupRuleInAnotherOrderAreNotDrift() {
        Map<String, Object> state = group(List.of("192.168.0.0/16", "10.0.0.0/8"));
        Map<String, Object> cloud = group(List.of("10.0.0.0/8", "192.168.0.0/16"));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_security_group", "sg-1", cloud)),
                                List.of(expected("aws_security_group", "web", "sg-1", state)),
                                "aws_security_group")
                        .observations())
                .isEmpty();
    }

    private static Map<String, Object> instance(List<String> groups) {
        return attrs(
                "ami",
                "ami-1",
                "id",
                "i-1",
                "instance_type",
                "t3.micro",
                "subnet_id",
                "subnet-1",
                "vpc_security_group_ids",
                groups);
    }

    private static Map<String, Object> routeTable(List<Map<String, Object>> routes) {
        return attrs(
                "id", "rtb-1", "propagating_vgws", List.of(), "route", routes, "tags", Map.of(), "vpc_id", "vpc-1");
    }

    private static Map<String, Object> route(String cidr, String gateway, String peering) {
        return attrs(
                "carrier_gateway_id",
                "",
                "cidr_block",
                cidr,
                "core_network_arn",
                "",
                "destination_prefix_list_id",
                "",
                "egress_only_gateway_id",
                "",
                "gateway_id",
                gateway,
                "ipv6_cidr_block",
                "",
                "local_gateway_id",
                "",
                "nat_gateway_id",
                "",
                "network_interface_id",
                "",
                "transit_gateway_id",
                "",
                "vpc_endpoint_id",
                "",
                "vpc_peering_connection_id",
                peering);
    }

    private static Map<String, Object> group(List<String> cidrs) {
        return attrs(
                "id",
                "sg-1",
                "name",
                "web",
                "description",
                "d",
                "vpc_id",
                "vpc-1",
                "egress",
                List.of(),
                "tags",
                Map.of(),
                "ingress",
                List.of(attrs(
                        "cidr_blocks",
                        cidrs,
                        "description",
                        "",
                        "from_port",
                        22,
                        "ipv6_cidr_blocks",
                        List.of(),
                        "prefix_list_ids",
                        List.of(),
                        "protocol",
                        "tcp",
                        "security_groups",
                        List.of(),
                        "self",
                        false,
                        "to_port",
                        22)));
    }
}
