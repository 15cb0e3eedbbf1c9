package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.inventory.ec2.EipCollector;
import dev.driftwatch.inventory.ec2.InternetGatewayCollector;
import dev.driftwatch.inventory.ec2.NatGatewayCollector;
import dev.driftwatch.inventory.ec2.NetworkInterfaceCollector;
import dev.driftwatch.inventory.ec2.RouteTableCollector;
import dev.driftwatch.inventory.ec2.SubnetCollector;
import dev.driftwatch.inventory.ec2.VpcCollector;
import dev.driftwatch.inventory.ec2.VpcEndpointCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.InternetGateway;

/** The VPC deleters against moto, each given what its collector read. */
class NetworkDeletersIT {

    private static final String AMI = "ami-03cf127a"; // one of moto's stock images

    private final MotoSession session = MotoSession.in("us-east-1");
    private final Ec2Client ec2 = session.ec2();
    private String vpc;
    private String subnet;

    @BeforeEach
    void resetAndMakeAVpc() {
        Moto.reset();
        vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = subnet("10.0.1.0/24");
    }

    @Test
    void releasesAnAssociatedAddressAfterDisassociatingIt() {
        String instance = ec2.runInstances(r -> r.imageId(AMI)
                        .instanceType(InstanceType.T3_MICRO)
                        .subnetId(subnet)
                        .minCount(1)
                        .maxCount(1))
                .instances()
                .get(0)
                .instanceId();
        String address = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        ec2.associateAddress(r -> r.allocationId(address).instanceId(instance));
        String kept = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();

        CloudResource read = DriftCheck.find(new EipCollector().collect(session), address);
        assertThat(read.attributes().get("association_id")).asString().isNotBlank();
        assertThat(new EipDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeAddresses(r -> {}).addresses())
                .extracting(a -> a.allocationId())
                .containsExactly(kept);
        assertThat(ec2.describeInstances(r -> r.instanceIds(instance)).reservations())
                .singleElement()
                .satisfies(r ->
                        assertThat(r.instances().get(0).state().nameAsString()).isEqualTo("running"));
    }

    @Test
    void deletesANatGatewayInTheBackgroundAndLeavesItsAddressAndSubnet() {
        String address = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String gateway = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(address))
                .natGateway()
                .natGatewayId();

        CloudResource read = DriftCheck.find(new NatGatewayCollector().collect(session), gateway);
        NatGatewayDeleter deleter = new NatGatewayDeleter();
        assertThat(deleter.delete(session, read)).isEqualTo(Deletion.STARTED);

        assertThat(deleter.finished(session, read)).isTrue();
        assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(gateway)).natGateways())
                .singleElement()
                .satisfies(g -> assertThat(g.stateAsString()).isEqualTo("deleted"));
        assertThat(ec2.describeAddresses(r -> r.allocationIds(address)).addresses())
                .hasSize(1);
        assertThat(subnetIds()).contains(subnet);
    }

    @Test
    void deletesANetworkInterfaceAndLeavesTheOthers() {
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet))
                .networkInterface()
                .networkInterfaceId();
        String kept = ec2.createNetworkInterface(r -> r.subnetId(subnet))
                .networkInterface()
                .networkInterfaceId();

        CloudResource read = DriftCheck.find(new NetworkInterfaceCollector().collect(session), eni);
        assertThat(new NetworkInterfaceDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeNetworkInterfaces(r -> {}).networkInterfaces())
                .extracting(n -> n.networkInterfaceId())
                .contains(kept)
                .doesNotContain(eni);
    }

    @Test
    void detachesAnInternetGatewayFromItsVpcThenDeletesIt() {
        String gateway = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String kept = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(kept).vpcId(otherVpc));

        CloudResource read = DriftCheck.find(new InternetGatewayCollector().collect(session), gateway);
        assertThat(new InternetGatewayDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        List<InternetGateway> left = ec2.describeInternetGateways(r -> {}).internetGateways();
        assertThat(left).extracting(InternetGateway::internetGatewayId).containsExactly(kept);
        assertThat(left.get(0).attachments()).singleElement().satisfies(a -> assertThat(a.vpcId())
                .isEqualTo(otherVpc));
        assertThat(vpcIds()).contains(vpc, otherVpc);
    }

    @Test
    void removesARouteTablesSubnetAssociationsThenDeletesItAndLeavesTheSubnet() {
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
        String other = subnet("10.0.2.0/24");
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(other));

        CloudResource read = DriftCheck.find(new RouteTableCollector().collect(session), table);
        assertThat(new RouteTableDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc)))
                        .routeTables())
                .singleElement() // the VPC's main table, untouched
                .satisfies(t -> assertThat(t.associations()).anyMatch(a -> Boolean.TRUE.equals(a.main())));
        assertThat(subnetIds()).contains(subnet, other);
    }

    @Test
    void deletesAVpcEndpointInTheBackgroundAndLeavesItsSubnetTableAndTheOtherEndpoints() {
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String gateway = ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                        .vpcEndpointType("Gateway")
                        .serviceName("com.amazonaws.us-east-1.s3")
                        .routeTableIds(table))
                .vpcEndpoint()
                .vpcEndpointId();
        String interfaceEndpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                        .vpcEndpointType("Interface")
                        .serviceName("com.amazonaws.us-east-1.ssm")
                        .subnetIds(subnet))
                .vpcEndpoint()
                .vpcEndpointId();
        String kept = ec2.createVpcEndpoint(
                        r -> r.vpcId(vpc).vpcEndpointType("Gateway").serviceName("com.amazonaws.us-east-1.dynamodb"))
                .vpcEndpoint()
                .vpcEndpointId();
        List<CloudResource> collected = new VpcEndpointCollector().collect(session);
        VpcEndpointDeleter deleter = new VpcEndpointDeleter();

        CloudResource gatewayRead = DriftCheck.find(collected, gateway);
        assertThat(deleter.delete(session, gatewayRead)).isEqualTo(Deletion.STARTED);
        assertThat(deleter.finished(session, gatewayRead)).isTrue(); // moto deletes at once
        CloudResource interfaceRead = DriftCheck.find(collected, interfaceEndpoint);
        assertThat(deleter.delete(session, interfaceRead)).isEqualTo(Deletion.STARTED);
        assertThat(deleter.finished(session, interfaceRead)).isTrue();

        assertThat(new VpcEndpointCollector().collect(session))
                .extracting(CloudResource::id)
                .containsExactly(kept);
        // AWS removes an interface endpoint's interfaces with it: nothing is left in the subnet to hold it
        assertThat(ec2.describeNetworkInterfaces(
                                r -> r.filters(f -> f.name("subnet-id").values(subnet)))
                        .networkInterfaces())
                .isEmpty();
        assertThat(subnetIds()).contains(subnet);
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables())
                .hasSize(1);
        // AWS forgets a deleted endpoint after a while: an id it does not know is finished too
        CloudResource forgotten = new CloudResource(
                gatewayRead.type(),
                "vpce-0123456789abcdef0",
                gatewayRead.account(),
                gatewayRead.region(),
                null,
                gatewayRead.attributes(),
                null);
        assertThat(deleter.finished(session, forgotten)).isTrue();
    }

    @Test
    void deletesASubnetAndLeavesTheOthers() {
        String kept = subnet("10.0.2.0/24");

        CloudResource read = DriftCheck.find(new SubnetCollector().collect(session), subnet);
        assertThat(new SubnetDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(subnetIds()).contains(kept).doesNotContain(subnet);
    }

    @Test
    void aVpcWithASubnetLeftIsADependencyThenDeletedOnceTheSubnetIsGone() {
        CloudResource read = DriftCheck.find(new VpcCollector().collect(session), vpc);
        VpcDeleter deleter = new VpcDeleter();

        assertThatThrownBy(() -> deleter.delete(session, read))
                .satisfies(
                        e -> assertThat(DeleteErrors.dependency(e)).as("%s", e).isTrue());
        assertThat(vpcIds()).contains(vpc);

        ec2.deleteSubnet(r -> r.subnetId(subnet));
        assertThat(deleter.delete(session, read)).isEqualTo(Deletion.DONE);
        assertThat(vpcIds()).doesNotContain(vpc);
        assertThatThrownBy(() -> deleter.delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    private String subnet(String cidr) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone("us-east-1a"))
                .subnet()
                .subnetId();
    }

    private List<String> subnetIds() {
        return ec2.describeSubnets(r -> {}).subnets().stream()
                .map(s -> s.subnetId())
                .toList();
    }

    private List<String> vpcIds() {
        return ec2.describeVpcs(r -> {}).vpcs().stream().map(v -> v.vpcId()).toList();
    }
}
