package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class RouteTableCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final RouteTableCollector collector = new RouteTableCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsTheProviderRouteBlocksWithoutTheLocalRouteAndSeesARouteAddedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"))
                .subnet()
                .subnetId();
        String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip))
                .natGateway()
                .natGatewayId();
        String id = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("10.1.0.0/16").natGatewayId(nat));
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("net")));
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":route-table/" + id;
        // As terraform apply of aws_route_table { vpc_id, route (igw), route (nat), tags } wrote it.
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "id",
                id,
                "owner_id",
                Moto.ACCOUNT,
                "propagating_vgws",
                List.of(),
                "route",
                List.of(route("0.0.0.0/0", igw, ""), route("10.1.0.0/16", "", nat)),
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"),
                "timeouts",
                null,
                "vpc_id",
                vpc);

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.attributes()).containsEntry("tags", Map.of("Team", "net"));
        assertThat((List<?>) live.attributes().get("route")).hasSize(2); // no local route
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("192.168.0.0/16").gatewayId(igw));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("route");
                assertThat(d.actual().toString()).contains("192.168.0.0/16");
            });
        });
    }

    /** A route block as the provider stores it: every target key present, unused ones empty. */
    private static Map<String, Object> route(String cidr, String gateway, String natGateway) {
        return StateAttributes.of(
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
                natGateway,
                "network_interface_id",
                "",
                "transit_gateway_id",
                "",
                "vpc_endpoint_id",
                "",
                "vpc_peering_connection_id",
                "");
    }
}
