package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;

class EbsSnapshotCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final EbsSnapshotCollector collector = new EbsSnapshotCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsTheAccountsOwnSnapshotsAndSeesATagChangedByHand() {
        Ec2Client ec2 = session.ec2();
        String volume = ec2.createVolume(
                        r -> r.availabilityZone("us-east-1a").size(10).encrypted(true))
                .volumeId();
        CreateSnapshotResponse created = ec2.createSnapshot(
                r -> r.volumeId(volume).description("nightly").tagSpecifications(t -> t.resourceType(
                                ResourceType.SNAPSHOT)
                        .tags(tag -> tag.key("Team").value("web"))));
        String id = created.snapshotId();
        // Snapshot ARNs name no account. As the provider 5.100 wrote it into a state (ids replaced).
        Map<String, Object> state = StateAttributes.of(
                "arn",
                "arn:aws:ec2:us-east-1::snapshot/" + id,
                "data_encryption_key_id",
                "",
                "description",
                "nightly",
                "encrypted",
                true,
                "id",
                id,
                "kms_key_id",
                "",
                "outpost_arn",
                "",
                "owner_alias",
                "",
                "owner_id",
                Moto.ACCOUNT,
                "permanent_restore",
                null,
                "storage_tier",
                "",
                "tags",
                Map.of("Team", "web"),
                "tags_all",
                Map.of("Team", "web"),
                "temporary_restore_days",
                null,
                "timeouts",
                null,
                "volume_id",
                volume,
                "volume_size",
                10);

        List<CloudResource> collected = collector.collect(session);
        // moto answers its stock images' snapshots (other owners) even for owner "self": they must not show up.
        assertThat(collected).allMatch(s -> Moto.ACCOUNT.equals(s.attributes().get("owner_id")));
        CloudResource live = DriftCheck.find(collected, id);
        assertThat(live.arn()).isEqualTo("arn:aws:ec2:us-east-1::snapshot/" + id);
        assertThat(live.createdAt()).isEqualTo(created.startTime());
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("ops")));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> assertThat(d.path())
                    .isEqualTo("tags.Team"));
        });
    }
}
