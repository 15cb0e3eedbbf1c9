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
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

class NetworkInterfaceCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final NetworkInterfaceCollector collector = new NetworkInterfaceCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesSourceDestCheckTurnedOffByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"))
                .subnet()
                .subnetId();
        NetworkInterface created = ec2.createNetworkInterface(
                        r -> r.subnetId(subnet).description("eni").privateIpAddress("10.0.1.10"))
                .networkInterface();
        String id = created.networkInterfaceId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("net")));
        String group = created.groups().get(0).groupId();
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":network-interface/" + id;
        // As terraform apply of aws_network_interface { subnet_id, description, private_ips, tags } wrote it.
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "attachment",
                List.of(),
                "description",
                "eni",
                "enable_primary_ipv6",
                null,
                "id",
                id,
                "interface_type",
                "interface",
                "ipv4_prefix_count",
                0,
                "ipv4_prefixes",
                List.of(),
                "ipv6_address_count",
                0,
                "ipv6_address_list",
                List.of(),
                "ipv6_address_list_enabled",
                false,
                "ipv6_addresses",
                List.of(),
                "ipv6_prefix_count",
                0,
                "ipv6_prefixes",
                List.of(),
                "mac_address",
                created.macAddress(),
                "outpost_arn",
                "",
                "owner_id",
                Moto.ACCOUNT,
                "private_dns_name",
                created.privateDnsName(),
                "private_ip",
                "10.0.1.10",
                "private_ip_list",
                List.of("10.0.1.10"),
                "private_ip_list_enabled",
                false,
                "private_ips",
                List.of("10.0.1.10"),
                "private_ips_count",
                0,
                "security_groups",
                List.of(group),
                "source_dest_check",
                true,
                "subnet_id",
                subnet,
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"));

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.attributes())
                .containsEntry("private_ips", List.of("10.0.1.10"))
                .containsEntry("tags", Map.of("Team", "net"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).sourceDestCheck(v -> v.value(false)));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("source_dest_check");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }
}
