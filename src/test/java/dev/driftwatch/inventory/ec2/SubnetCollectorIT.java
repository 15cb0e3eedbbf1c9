package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;

class SubnetCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final SubnetCollector collector = new SubnetCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesPublicIpsTurnedOffByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        Subnet subnet = ec2.createSubnet(
                        r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
                .subnet();
        String id = subnet.subnetId();
        ec2.modifySubnetAttribute(r -> r.subnetId(id).mapPublicIpOnLaunch(v -> v.value(true)));
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("net")));
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":subnet/" + id;
        // As terraform apply of aws_subnet { vpc_id, cidr_block, availability_zone, map_public_ip_on_launch = true,
        // tags } wrote it.
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "assign_ipv6_address_on_creation",
                false,
                "availability_zone",
                "us-east-1a",
                "availability_zone_id",
                subnet.availabilityZoneId(),
                "cidr_block",
                "10.0.1.0/24",
                "customer_owned_ipv4_pool",
                "",
                "enable_dns64",
                false,
                "enable_lni_at_device_index",
                0,
                "enable_resource_name_dns_a_record_on_launch",
                false,
                "enable_resource_name_dns_aaaa_record_on_launch",
                false,
                "id",
                id,
                "ipv6_cidr_block",
                "",
                "ipv6_cidr_block_association_id",
                "",
                "ipv6_native",
                false,
                "map_customer_owned_ip_on_launch",
                false,
                "map_public_ip_on_launch",
                true,
                "outpost_arn",
                "",
                "owner_id",
                Moto.ACCOUNT,
                "private_dns_hostname_type_on_launch",
                "ip-name",
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
        assertThat(live.attributes()).containsEntry("vpc_id", vpc).containsEntry("tags", Map.of("Team", "net"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.modifySubnetAttribute(r -> r.subnetId(id).mapPublicIpOnLaunch(v -> v.value(false)));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("map_public_ip_on_launch");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }
}
