package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.ec2.EbsVolumeCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Built-in EBS volume policies against volumes collected from moto. */
class EbsVolumePoliciesIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final EbsVolumeCollector collector = new EbsVolumeCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void unencryptedVolume() {
        Ec2Client ec2 = session.ec2();
        ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8).encrypted(true));
        String plain = ec2.createVolume(r -> r.availabilityZone("us-east-1b").size(8).encrypted(false)).volumeId();

        assertThat(BuiltInPolicies.violations("ebs-volume-encrypted", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(plain);
                    assertThat(v.message()).isEqualTo("EBS volume " + plain + " in us-east-1b is not encrypted");
                });

        // A volume cannot be encrypted in place: the fix is an encrypted copy (through a snapshot) instead of it.
        String snapshot = ec2.createSnapshot(r -> r.volumeId(plain)).snapshotId();
        ec2.createVolume(r -> r.availabilityZone("us-east-1b").snapshotId(snapshot).encrypted(true));
        ec2.deleteVolume(r -> r.volumeId(plain));
        assertThat(BuiltInPolicies.violations("ebs-volume-encrypted", collector.collect(session))).isEmpty();
    }
}
