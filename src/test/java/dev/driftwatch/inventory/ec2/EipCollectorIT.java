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
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;

class EipCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final EipCollector collector = new EipCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByAllocationIdAndSeesATagChangedByHand() {
        Ec2Client ec2 = session.ec2();
        AllocateAddressResponse allocated = ec2.allocateAddress(r -> r.domain("vpc"));
        String id = allocated.allocationId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("net")));
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":elastic-ip/" + id;
        String ip = allocated.publicIp();
        // As terraform apply of aws_eip { domain = "vpc", tags } wrote it (moto has no network border group or pool).
        Map<String, Object> state = StateAttributes.of(
                "address",
                null,
                "allocation_id",
                id,
                "arn",
                arn,
                "associate_with_private_ip",
                null,
                "association_id",
                "",
                "carrier_ip",
                "",
                "customer_owned_ip",
                "",
                "customer_owned_ipv4_pool",
                "",
                "domain",
                "vpc",
                "id",
                id,
                "instance",
                "",
                "ipam_pool_id",
                null,
                "network_border_group",
                "",
                "network_interface",
                "",
                "private_dns",
                null,
                "private_ip",
                "",
                "ptr_record",
                "",
                "public_dns",
                "ec2-" + ip.replace('.', '-') + ".compute-1.amazonaws.com",
                "public_ip",
                ip,
                "public_ipv4_pool",
                "",
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"),
                "timeouts",
                null,
                "vpc",
                true);

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.attributes()).containsEntry("public_ip", ip).containsEntry("tags", Map.of("Team", "net"));
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
