package dev.driftwatch.inventory.ec2;

import static dev.driftwatch.inventory.ec2.Ec2Values.bool;
import static dev.driftwatch.inventory.ec2.Ec2Values.number;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * {@code aws_ami}: the images the account owns (owner "self", not the public or shared ones it may launch), one
 * paginated DescribeImages call per 1,000, nothing per image; createdAt = CreationDate. Launch permissions are
 * {@code aws_ami_launch_permission}'s, not read here.
 */
@ApplicationScoped
public class AmiCollector extends TypedCollector {

    static final String TYPE = "aws_ami";
    /** The largest page DescribeImages allows. */
    private static final int PAGE_SIZE = 1000;

    public AmiCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session.ec2().describeImagesPaginator(r -> r.owners("self").maxResults(PAGE_SIZE)).images().stream()
                // moto ignores Owners=self and lists its stock images too: only the account's own are swept
                .filter(image -> session.account().equals(image.ownerId()))
                .map(image -> toResource(session, image))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, Image image) {
        String id = image.imageId();
        // AMI ARNs name no account, and the provider builds them so.
        String arn = Arns.of(session.region(), "", "ec2", "image/" + id);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("architecture", image.architectureAsString());
        a.put("arn", arn);
        a.put("boot_mode", image.bootModeAsString());
        a.put("deprecation_time", image.deprecationTime());
        a.put("description", image.description());
        a.put("ebs_block_device", ebsBlockDevices(image.blockDeviceMappings()));
        a.put("ena_support", bool(image.enaSupport()));
        a.put("ephemeral_block_device", ephemeralBlockDevices(image.blockDeviceMappings()));
        a.put("id", id);
        a.put("image_location", image.imageLocation());
        a.put("imds_support", image.imdsSupportAsString());
        a.put("kernel_id", image.kernelId());
        a.put("name", image.name());
        a.put("owner_id", image.ownerId());
        a.put("ramdisk_id", image.ramdiskId());
        a.put("root_device_name", image.rootDeviceName());
        a.put("root_snapshot_id", rootSnapshotId(image));
        a.put("sriov_net_support", image.sriovNetSupport());
        a.put("tags", Tags.toMap(image.tags()));
        a.put("tpm_support", image.tpmSupportAsString());
        a.put("virtualization_type", image.virtualizationTypeAsString());
        return new CloudResource(
                TYPE, id, session.account(), session.region(), arn, a, creationDate(image.creationDate()));
    }

    /** The provider's {@code ebs_block_device} set: every mapping backed by EBS, absent values as 0 and "". */
    private static List<Map<String, Object>> ebsBlockDevices(List<BlockDeviceMapping> mappings) {
        return mappings.stream()
                .filter(m -> m.ebs() != null)
                .map(m -> {
                    EbsBlockDevice ebs = m.ebs();
                    Map<String, Object> block = new LinkedHashMap<>();
                    block.put("delete_on_termination", bool(ebs.deleteOnTermination()));
                    block.put("device_name", m.deviceName());
                    block.put("encrypted", bool(ebs.encrypted()));
                    block.put("iops", number(ebs.iops()));
                    block.put("outpost_arn", ebs.outpostArn());
                    block.put("snapshot_id", ebs.snapshotId());
                    block.put("throughput", number(ebs.throughput()));
                    block.put("volume_size", number(ebs.volumeSize()));
                    block.put("volume_type", ebs.volumeTypeAsString());
                    return block;
                })
                .toList();
    }

    /** The provider's {@code ephemeral_block_device} set: the instance-store mappings. */
    private static List<Map<String, Object>> ephemeralBlockDevices(List<BlockDeviceMapping> mappings) {
        return mappings.stream()
                .filter(m -> m.virtualName() != null)
                .map(m -> {
                    Map<String, Object> block = new LinkedHashMap<>();
                    block.put("device_name", m.deviceName());
                    block.put("virtual_name", m.virtualName());
                    return block;
                })
                .toList();
    }

    /** The snapshot behind the root device, as the provider reports it ("" for an instance-store image). */
    private static String rootSnapshotId(Image image) {
        return image.blockDeviceMappings().stream()
                .filter(m -> m.ebs() != null && Objects.equals(m.deviceName(), image.rootDeviceName()))
                .map(m -> m.ebs().snapshotId())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("");
    }

    /**
     * CreationDate is an ISO-8601 string, not a timestamp. One AWS ever wrote otherwise is an unknown age (the sweeper
     * falls back to driftwatch's first sight), not a reason to leave every image of the region unread.
     */
    static Instant creationDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
