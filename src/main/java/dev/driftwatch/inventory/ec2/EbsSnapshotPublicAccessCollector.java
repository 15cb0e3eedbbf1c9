package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * {@code aws_ebs_snapshot_public_access}: a pseudo type (Terraform cannot make a snapshot public), one
 * resource per own snapshot that anyone may restore. DescribeSnapshots(owner self, restorable by all) per
 * 1,000 finds them in one call per region whatever the number of snapshots; each one found is confirmed by
 * DescribeSnapshotAttribute(createVolumePermission), so only public snapshots cost a call (and an emulator
 * ignoring the filter, as moto does, still gives the right answer). AWS-managed: no state holds it.
 */
@ApplicationScoped
public class EbsSnapshotPublicAccessCollector extends TypedCollector {

    public static final String TYPE = "aws_ebs_snapshot_public_access";
    private static final int PAGE_SIZE = 1000;

    public EbsSnapshotPublicAccessCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session
                .ec2()
                .describeSnapshotsPaginator(
                        r -> r.ownerIds("self").restorableByUserIds("all").maxResults(PAGE_SIZE))
                .snapshots()
                .stream()
                .filter(s -> s.ownerId() == null || s.ownerId().equals(session.account()))
                .map(s -> toResource(session, s))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, Snapshot s) {
        boolean isPublic = session
                .ec2()
                .describeSnapshotAttribute(
                        r -> r.snapshotId(s.snapshotId()).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION))
                .createVolumePermissions()
                .stream()
                .anyMatch(p -> "all".equals(p.groupAsString()));
        String arn = Arns.of(session.region(), "", "ec2", "snapshot/" + s.snapshotId());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", s.snapshotId());
        attributes.put("snapshot_id", s.snapshotId());
        attributes.put("public", isPublic);
        return new CloudResource(
                TYPE, s.snapshotId(), session.account(), session.region(), arn, attributes, s.startTime(), true);
    }
}
