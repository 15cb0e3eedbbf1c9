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

class VpcCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final VpcCollector collector = new VpcCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesDnsHostnamesTurnedOffByHand() {
        Ec2Client ec2 = session.ec2();
        String id = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(id).enableDnsHostnames(v -> v.value(true)));
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("net")));
        String mainRouteTable = ec2.describeRouteTables(
                        r -> r.filters(f -> f.name("vpc-id").values(id), f -> f.name("association.main")
                                .values("true")))
                .routeTables()
                .get(0)
                .routeTableId();
        String defaultGroup = ec2.describeSecurityGroups(
                        r -> r.filters(f -> f.name("vpc-id").values(id), f -> f.name("group-name")
                                .values("default")))
                .securityGroups()
                .get(0)
                .groupId();
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":vpc/" + id;
        // As terraform apply of aws_vpc { cidr_block, enable_dns_hostnames = true, tags } wrote it against moto.
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "assign_generated_ipv6_cidr_block",
                false,
                "cidr_block",
                "10.0.0.0/16",
                "default_network_acl_id",
                "acl-940689b43b34ec2be",
                "default_route_table_id",
                mainRouteTable,
                "default_security_group_id",
                defaultGroup,
                "dhcp_options_id",
                "default",
                "enable_dns_hostnames",
                true,
                "enable_dns_support",
                true,
                "enable_network_address_usage_metrics",
                false,
                "id",
                id,
                "instance_tenancy",
                "default",
                "ipv4_ipam_pool_id",
                null,
                "ipv4_netmask_length",
                null,
                "ipv6_association_id",
                "",
                "ipv6_cidr_block",
                "",
                "ipv6_cidr_block_network_border_group",
                "",
                "ipv6_ipam_pool_id",
                "",
                "ipv6_netmask_length",
                0,
                "main_route_table_id",
                mainRouteTable,
                "owner_id",
                Moto.ACCOUNT,
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"));

        List<CloudResource> collected = collector.collect(session);
        assertThat(collected).hasSizeGreaterThanOrEqualTo(2); // moto's default VPC too
        CloudResource live = DriftCheck.find(collected, id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.attributes())
                .containsEntry("main_route_table_id", mainRouteTable)
                .containsEntry("tags", Map.of("Team", "net"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.modifyVpcAttribute(r -> r.vpcId(id).enableDnsHostnames(v -> v.value(false)));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("enable_dns_hostnames");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }
}
