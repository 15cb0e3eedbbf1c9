package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.inventory.ec2.AmiCollector;
import dev.driftwatch.inventory.ec2.EbsSnapshotCollector;
import dev.driftwatch.inventory.ec2.EbsVolumeCollector;
import dev.driftwatch.inventory.ec2.InstanceCollector;
import dev.driftwatch.inventory.ec2.KeyPairCollector;
import dev.driftwatch.inventory.ec2.LaunchTemplateCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/** The EC2 compute and storage deleters against moto, each given what its collector read. */
class Ec2DeletersIT {

    private static final String AMI = "ami-03cf127a"; // one of moto's stock images

    private final MotoSession session = MotoSession.in("us-east-1");
    private final Ec2Client ec2 = session.ec2();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void terminatesAnInstanceInTheBackgroundAndAGoneAnswerMeansFinished() {
        String instance = instance();
        String kept = instance();

        CloudResource read = DriftCheck.find(new InstanceCollector().collect(session), instance);
        InstanceDeleter deleter = new InstanceDeleter();
        assertThat(deleter.delete(session, read)).isEqualTo(Deletion.STARTED);

        assertThat(deleter.finished(session, read)).isTrue(); // moto terminates at once
        assertThat(ec2.describeInstances(r -> r.instanceIds(kept))
                        .reservations()
                        .get(0)
                        .instances()
                        .get(0)
                        .state()
                        .nameAsString())
                .isEqualTo("running");
        // AWS forgets a terminated instance after about an hour: an id it does not know is finished too
        CloudResource forgotten = new CloudResource(
                read.type(), "i-0123456789abcdef0", read.account(), read.region(), null, read.attributes(), null);
        assertThat(deleter.finished(session, forgotten)).isTrue();
    }

    @Test
    void deletesAVolumeAndLeavesTheOthers() {
        String volume = volume();
        String other = volume();

        CloudResource read = DriftCheck.find(new EbsVolumeCollector().collect(session), volume);
        assertThat(new EbsVolumeDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(volumeIds()).contains(other).doesNotContain(volume);
        // deleted meanwhile (another replica, a person): AWS's answer says gone
        assertThatThrownBy(() -> new EbsVolumeDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).isTrue());
    }

    @Test
    void anAttachedVolumeIsADependencyAndStaysAttached() {
        String instance = instance();
        String volume = volume();
        ec2.attachVolume(r -> r.volumeId(volume).instanceId(instance).device("/dev/sdf"));

        CloudResource read = DriftCheck.find(new EbsVolumeCollector().collect(session), volume);
        assertThatThrownBy(() -> new EbsVolumeDeleter().delete(session, read))
                .satisfies(
                        e -> assertThat(DeleteErrors.dependency(e)).as("%s", e).isTrue());
        assertThat(ec2.describeVolumes(r -> r.volumeIds(volume))
                        .volumes()
                        .get(0)
                        .attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.instanceId()).isEqualTo(instance));
    }

    @Test
    void deletesASnapshotAndLeavesItsVolume() {
        String volume = volume();
        String snapshot = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        String other = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();

        CloudResource read = DriftCheck.find(new EbsSnapshotCollector().collect(session), snapshot);
        assertThat(new EbsSnapshotDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots())
                .extracting(s -> s.snapshotId())
                .contains(other)
                .doesNotContain(snapshot);
        assertThat(volumeIds()).contains(volume);
    }

    @Test
    void deletesAKeyPairByName() {
        ec2.createKeyPair(r -> r.keyName("sandbox-key"));
        ec2.createKeyPair(r -> r.keyName("kept-key"));

        CloudResource read = DriftCheck.find(new KeyPairCollector().collect(session), "sandbox-key");
        assertThat(new KeyPairDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeKeyPairs(r -> {}).keyPairs())
                .extracting(k -> k.keyName())
                .containsExactly("kept-key");
    }

    @Test
    void deletesALaunchTemplateWithItsVersions() {
        String template = ec2.createLaunchTemplate(r -> r.launchTemplateName("sandbox-lt")
                        .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)))
                .launchTemplate()
                .launchTemplateId();
        ec2.createLaunchTemplateVersion(
                r -> r.launchTemplateId(template).launchTemplateData(d -> d.instanceType(InstanceType.T3_SMALL)));
        String other = ec2.createLaunchTemplate(r ->
                        r.launchTemplateName("kept-lt").launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)))
                .launchTemplate()
                .launchTemplateId();

        CloudResource read = DriftCheck.find(new LaunchTemplateCollector().collect(session), template);
        assertThat(new LaunchTemplateDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeLaunchTemplates(r -> {}).launchTemplates())
                .extracting(t -> t.launchTemplateId())
                .containsExactly(other);
        assertThatThrownBy(() -> new LaunchTemplateDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void deregistersAnAmiWhoseSnapshotIsInUseUntilThenAndLeavesTheSnapshotToItsOwnSweep() {
        String image = ec2.createImage(r -> r.instanceId(instance()).name("tried-image"))
                .imageId();
        String kept = ec2.createImage(r -> r.instanceId(instance()).name("kept-image"))
                .imageId();
        CloudResource read = DriftCheck.find(new AmiCollector().collect(session), image);
        String snapshot = String.valueOf(read.attributes().get("root_snapshot_id"));
        CloudResource snapshotRead = DriftCheck.find(new EbsSnapshotCollector().collect(session), snapshot);

        // why aws_ebs_snapshot is swept after aws_ami: AWS refuses an image's snapshot while it is registered
        assertThatThrownBy(() -> new EbsSnapshotDeleter().delete(session, snapshotRead))
                .satisfies(
                        e -> assertThat(DeleteErrors.dependency(e)).as("%s", e).isTrue());

        assertThat(new AmiDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(ec2.describeImages(r -> r.owners("self")).images())
                .extracting(i -> i.imageId())
                .contains(kept)
                .doesNotContain(image);
        assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshot)).snapshots())
                .as("deregistering leaves the snapshot")
                .hasSize(1);
        assertThat(new EbsSnapshotDeleter().delete(session, snapshotRead)).isEqualTo(Deletion.DONE);
        assertThatThrownBy(() -> new AmiDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    private String instance() {
        return ec2.runInstances(r -> r.imageId(AMI)
                        .instanceType(InstanceType.T3_MICRO)
                        .minCount(1)
                        .maxCount(1)
                        .placement(p -> p.availabilityZone("us-east-1a")))
                .instances()
                .get(0)
                .instanceId();
    }

    private String volume() {
        return ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
    }

    private List<String> volumeIds() {
        return ec2.describeVolumes(r -> {}).volumes().stream()
                .map(v -> v.volumeId())
                .toList();
    }
}
