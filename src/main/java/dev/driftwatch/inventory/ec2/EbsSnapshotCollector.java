package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * {@code aws_ebs_snapshot}: the account's own snapshots (owner "self", not the public ones it may read), one
 * paginated DescribeSnapshots call per 1,000, nothing per snapshot; createdAt = StartTime.
 */
@ApplicationScoped
public class EbsSnapshotCollector extends TypedCollector {

    static final String TYPE = "aws_ebs_snapshot";
    /** The largest page DescribeSnapshots allows. */
    private static final int PAGE_SIZE = 1000;

    public EbsSnapshotCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session
                .ec2()
                .describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(PAGE_SIZE))
                .snapshots()
                .stream()
                .filter(s -> s.ownerId() == null || s.ownerId().equals(session.account()))
                .map(s -> toResource(session, s))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, Snapshot s) {
        // Snapshot ARNs name no account, and the provider builds them so.
        String arn = Arns.of(session.region(), "", "ec2", "snapshot/" + s.snapshotId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", arn);
        a.put("data_encryption_key_id", s.dataEncryptionKeyId());
        a.put("description", s.description());
        a.put("encrypted", Boolean.TRUE.equals(s.encrypted()));
        a.put("id", s.snapshotId());
        a.put("kms_key_id", s.kmsKeyId());
        a.put("outpost_arn", s.outpostArn());
        a.put("owner_alias", s.ownerAlias());
        a.put("owner_id", s.ownerId());
        a.put("storage_tier", s.storageTierAsString());
        a.put("tags", Tags.toMap(s.tags()));
        a.put("volume_id", s.volumeId());
        a.put("volume_size", s.volumeSize() == null ? 0 : s.volumeSize());
        return new CloudResource(TYPE, s.snapshotId(), session.account(), session.region(), arn, a, s.startTime());
    }
}
