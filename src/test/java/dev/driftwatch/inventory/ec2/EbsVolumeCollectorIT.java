package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;

class EbsVolumeCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final EbsVolumeCollector collector = new EbsVolumeCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesAVolumeGrownByHand() {
        Ec2Client ec2 = session.ec2();
        CreateVolumeResponse created = ec2.createVolume(r -> r.availabilityZone("us-east-1a")
                .size(10)
                .volumeType(VolumeType.GP3)
                .encrypted(true)
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME)
                        .tags(tag -> tag.key("Team").value("web"))));
        String id = created.volumeId();
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":volume/" + id;
        // As the provider 5.100 wrote it into a state (ids, key and time replaced).
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "availability_zone",
                "us-east-1a",
                "create_time",
                created.createTime().truncatedTo(ChronoUnit.SECONDS).toString(),
                "encrypted",
                true,
                "final_snapshot",
                false,
                "id",
                id,
                "iops",
                3000,
                "kms_key_id",
                created.kmsKeyId(),
                "multi_attach_enabled",
                false,
                "outpost_arn",
                "",
                "size",
                10,
                "snapshot_id",
                "",
                "tags",
                Map.of("Team", "web"),
                "tags_all",
                Map.of("Team", "web"),
                "throughput",
                0,
                "timeouts",
                null,
                "type",
                "gp3");

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.createdAt()).isEqualTo(created.createTime());
        assertThat(live.attributes()).containsEntry("tags", Map.of("Team", "web"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.modifyVolume(r -> r.volumeId(id).size(20));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("size");
                assertThat(d.actual()).isEqualTo(20);
            });
        });
    }
}
