package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.PropagatingVgw;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteOrigin;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * {@code aws_route_table}: one paginated DescribeRouteTables call per 100 tables, nothing per table.
 * {@code route} holds the routes the provider stores: not the VPC's {@code local} route, nor VPC Lattice,
 * propagated or VPC-endpoint prefix-list routes. (The provider also drops routes to other accounts'
 * service ENIs, which takes a DescribeNetworkInterfaces call per route; those are kept here.)
 */
@ApplicationScoped
public class RouteTableCollector extends TypedCollector {

    static final String TYPE = "aws_route_table";
    /** The largest page DescribeRouteTables allows. */
    private static final int PAGE_SIZE = 100;

    private static final Comparator<Map<String, Object>> BY_DESTINATION = Comparator.comparing(
                    (Map<String, Object> m) -> m.get("cidr_block").toString())
            .thenComparing(m -> m.get("ipv6_cidr_block").toString())
            .thenComparing(m -> m.get("destination_prefix_list_id").toString());

    public RouteTableCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> tables = new ArrayList<>();
        session.ec2()
                .describeRouteTablesPaginator(r -> r.maxResults(PAGE_SIZE))
                .routeTables()
                .forEach(table -> tables.add(toResource(session, table)));
        return tables;
    }

    private static CloudResource toResource(AwsSession session, RouteTable table) {
        String id = table.routeTableId();
        String ownerId = table.ownerId() == null ? session.account() : table.ownerId();
        String arn = Arns.of(session.region(), ownerId, "ec2", "route-table/" + id);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("arn", arn);
        attributes.put("id", id);
        attributes.put("owner_id", ownerId);
        attributes.put("propagating_vgws", Ec2Values.set(table.propagatingVgws(), PropagatingVgw::gatewayId));
        attributes.put("route", routes(table.routes()));
        attributes.put("tags", Tags.toMap(table.tags()));
        attributes.put("vpc_id", table.vpcId());
        // A VPC's main route table comes with the VPC (Terraform: aws_default_route_table).
        boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
        return new CloudResource(TYPE, id, session.account(), session.region(), arn, attributes, null, main);
    }

    /** The provider's set of route blocks, sorted by destination as sets have no order. */
    static List<Map<String, Object>> routes(List<Route> routes) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Route route : routes) {
            String gateway = Objects.toString(route.gatewayId(), "");
            boolean endpointPrefixList = route.destinationPrefixListId() != null && gateway.startsWith("vpce-");
            if (gateway.equals("local")
                    || gateway.equals("VpcLattice")
                    || endpointPrefixList
                    || route.origin() == RouteOrigin.ENABLE_VGW_ROUTE_PROPAGATION) {
                continue;
            }
            boolean endpoint = gateway.startsWith("vpce-");
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("carrier_gateway_id", text(route.carrierGatewayId()));
            block.put("cidr_block", text(route.destinationCidrBlock()));
            block.put("core_network_arn", text(route.coreNetworkArn()));
            block.put("destination_prefix_list_id", text(route.destinationPrefixListId()));
            block.put("egress_only_gateway_id", text(route.egressOnlyInternetGatewayId()));
            block.put("gateway_id", endpoint ? "" : gateway);
            block.put("ipv6_cidr_block", text(route.destinationIpv6CidrBlock()));
            block.put("local_gateway_id", text(route.localGatewayId()));
            block.put("nat_gateway_id", text(route.natGatewayId()));
            block.put("network_interface_id", text(route.networkInterfaceId()));
            block.put("transit_gateway_id", text(route.transitGatewayId()));
            block.put("vpc_endpoint_id", endpoint ? gateway : "");
            block.put("vpc_peering_connection_id", text(route.vpcPeeringConnectionId()));
            blocks.add(block);
        }
        blocks.sort(BY_DESTINATION);
        return blocks;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
