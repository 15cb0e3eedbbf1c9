package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/** {@code aws_ebs_volume}: one paginated DescribeVolumes call per 500 volumes, nothing per volume; createdAt = CreateTime. */
@ApplicationScoped
public class EbsVolumeCollector extends TypedCollector {

    static final String TYPE = "aws_ebs_volume";
    /** The largest page DescribeVolumes allows. */
    private static final int PAGE_SIZE = 500;

    public EbsVolumeCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session.ec2().describeVolumesPaginator(r -> r.maxResults(PAGE_SIZE)).volumes().stream()
                .map(v -> toResource(session, v))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, Volume v) {
        String arn = Arns.of(session.region(), session.account(), "ec2", "volume/" + v.volumeId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", arn);
        a.put(
                "attachments",
                v.attachments().stream().map(EbsVolumeCollector::attachment).toList());
        a.put("availability_zone", v.availabilityZone());
        // RFC 3339 in seconds, as the provider formats it.
        a.put(
                "create_time",
                v.createTime() == null
                        ? null
                        : v.createTime().truncatedTo(ChronoUnit.SECONDS).toString());
        a.put("encrypted", Boolean.TRUE.equals(v.encrypted()));
        a.put("id", v.volumeId());
        a.put("iops", v.iops() == null ? 0 : v.iops());
        a.put("kms_key_id", v.kmsKeyId());
        a.put("multi_attach_enabled", Boolean.TRUE.equals(v.multiAttachEnabled()));
        a.put("outpost_arn", v.outpostArn());
        a.put("size", v.size() == null ? 0 : v.size());
        a.put("snapshot_id", v.snapshotId());
        a.put("tags", Tags.toMap(v.tags()));
        a.put("throughput", v.throughput() == null ? 0 : v.throughput());
        a.put("type", v.volumeTypeAsString());
        return new CloudResource(TYPE, v.volumeId(), session.account(), session.region(), arn, a, v.createTime());
    }

    /**
     * Not in the provider's schema (Terraform keeps attachments in {@code aws_volume_attachment}): where the volume is
     * attached, named as that resource names it, to tell an instance's own volumes (see drift.InstanceParts).
     */
    private static Map<String, Object> attachment(VolumeAttachment attachment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_id", attachment.instanceId());
        m.put("device_name", attachment.device());
        m.put("delete_on_termination", Boolean.TRUE.equals(attachment.deleteOnTermination()));
        m.put(
                "attach_time",
                attachment.attachTime() == null
                        ? null
                        : attachment
                                .attachTime()
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString());
        return m;
    }
}
