package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceType;

class AmiCollectorIT {

    private static final String STOCK_AMI = "ami-03cf127a"; // one of moto's stock images (another owner's)

    private final MotoSession session = MotoSession.in("us-east-1");
    private final AmiCollector collector = new AmiCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsTheAccountsOwnImagesAndSeesATagChangedByHand() {
        Ec2Client ec2 = session.ec2();
        String instance = ec2.runInstances(r -> r.imageId(STOCK_AMI)
                        .instanceType(InstanceType.T3_MICRO)
                        .minCount(1)
                        .maxCount(1))
                .instances()
                .get(0)
                .instanceId();
        String id = ec2.createImage(r -> r.instanceId(instance)
                        .name("web-golden")
                        .description("golden image")
                        .tagSpecifications(t ->
                                t.resourceType("image").tags(g -> g.key("Team").value("web"))))
                .imageId();
        Image image = ec2.describeImages(r -> r.imageIds(id)).images().get(0);
        String snapshot = image.blockDeviceMappings().get(0).ebs().snapshotId();
        // As the provider writes an imported aws_ami into a state, with what AWS (here moto) answers for it.
        Map<String, Object> state = StateAttributes.of(
                "architecture", "x86_64",
                "arn", "arn:aws:ec2:us-east-1::image/" + id,
                "boot_mode", "uefi",
                "deprecation_time", "",
                "description", "golden image",
                "ebs_block_device", List.of(ebsBlock(snapshot)),
                "ena_support", false,
                "ephemeral_block_device", List.of(),
                "hypervisor", "",
                "id", id,
                "image_location", "",
                "image_owner_alias", "",
                "image_type", "machine",
                "imds_support", "",
                "kernel_id", "",
                "last_launched_time", "",
                "manage_ebs_snapshots", false,
                "name", "web-golden",
                "owner_id", Moto.ACCOUNT,
                "platform", image.platformAsString(),
                "platform_details", "",
                "public", false,
                "ramdisk_id", "",
                "root_device_name", "/dev/sda1",
                "root_snapshot_id", snapshot,
                "sriov_net_support", "",
                "tags", Map.of("Team", "web"),
                "tags_all", Map.of("Team", "web"),
                "timeouts", null,
                "tpm_support", "",
                "usage_operation", "",
                "virtualization_type", "hvm");

        List<CloudResource> collected = collector.collect(session);
        // moto's stock images (other owners) are readable by everyone: only the account's own are collected
        assertThat(collected).extracting(CloudResource::id).containsExactly(id);
        CloudResource live = collected.get(0);
        assertThat(live.arn()).isEqualTo("arn:aws:ec2:us-east-1::image/" + id);
        assertThat(live.createdAt()).isEqualTo(Instant.parse(image.creationDate()));
        assertThat(live.awsManaged()).isFalse();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("ops")));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("tags.Team");
                assertThat(d.actual()).isEqualTo("ops");
            });
        });
    }

    @Test
    void aCreationDateThatIsNotIsoIsAnUnknownAgeNotAFailure() {
        assertThat(AmiCollector.creationDate("2024-03-01T10:15:30.000Z"))
                .isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(AmiCollector.creationDate("yesterday")).isNull();
        assertThat(AmiCollector.creationDate(null)).isNull();
    }

    /** One {@code ebs_block_device} element as the provider writes it: absent numbers 0, absent strings "". */
    private static Map<String, Object> ebsBlock(String snapshot) {
        return StateAttributes.of(
                "delete_on_termination",
                false,
                "device_name",
                "/dev/sda1",
                "encrypted",
                false,
                "iops",
                0,
                "outpost_arn",
                "",
                "snapshot_id",
                snapshot,
                "throughput",
                0,
                "volume_size",
                15,
                "volume_type",
                "standard");
    }
}
