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
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;

class NatGatewayCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final NatGatewayCollector collector = new NatGatewayCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesATagChangedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"))
                .subnet()
                .subnetId();
        String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        // connectivity_type as the provider sends it (its default); moto only reports it when it was given.
        NatGateway created = ec2.createNatGateway(r -> r.subnetId(subnet)
                        .allocationId(eip)
                        .connectivityType("public")
                        .tagSpecifications(t -> t.resourceType("natgateway")
                                .tags(g -> g.key("Team").value("net"))))
                .natGateway();
        String id = created.natGatewayId();
        NatGatewayAddress address = created.natGatewayAddresses().get(0);
        // As terraform apply of aws_nat_gateway { allocation_id, subnet_id, tags } wrote it; addresses are computed.
        Map<String, Object> state = StateAttributes.of(
                "allocation_id",
                eip,
                "association_id",
                address.associationId(),
                "connectivity_type",
                "public",
                "id",
                id,
                "network_interface_id",
                address.networkInterfaceId(),
                "private_ip",
                address.privateIp(),
                "public_ip",
                address.publicIp(),
                "secondary_allocation_ids",
                null,
                "secondary_private_ip_address_count",
                0,
                "secondary_private_ip_addresses",
                List.of(),
                "subnet_id",
                subnet,
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"),
                "timeouts",
                null);

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo("arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":natgateway/" + id);
        assertThat(live.attributes()).doesNotContainKey("arn").containsEntry("tags", Map.of("Team", "net"));
        assertThat(live.createdAt()).isNotNull();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("data")));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("tags.Team");
                assertThat(d.actual()).isEqualTo("data");
            });
        });
    }
}
