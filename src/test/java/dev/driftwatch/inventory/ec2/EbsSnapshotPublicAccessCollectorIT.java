package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.OperationType;

/**
 * A pseudo type no state holds: nothing to compare. moto ignores RestorableByUserIds (and lists its AMIs'
 * snapshots as "self"), so here every own snapshot comes back and the attribute call decides.
 */
class EbsSnapshotPublicAccessCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final EbsSnapshotPublicAccessCollector collector = new EbsSnapshotPublicAccessCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void aSnapshotSharedWithAllIsPublicUntilTheShareIsRemoved() {
        Ec2Client ec2 = session.ec2();
        String volume =
                ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
        String snapshot = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshot)
                .attribute("createVolumePermission")
                .operationType(OperationType.ADD)
                .groupNames("all"));

        assertThat(publicOnes()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(snapshot);
            assertThat(r.arn()).isEqualTo("arn:aws:ec2:us-east-1::snapshot/" + snapshot);
            assertThat(r.awsManaged()).isTrue();
            assertThat(r.createdAt()).isNotNull();
        });

        ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshot)
                .attribute("createVolumePermission")
                .operationType(OperationType.REMOVE)
                .groupNames("all"));
        assertThat(publicOnes()).isEmpty();
    }

    private List<CloudResource> publicOnes() {
        return collector.collect(session).stream()
                .filter(r -> Boolean.TRUE.equals(r.attributes().get("public")))
                .toList();
    }
}
