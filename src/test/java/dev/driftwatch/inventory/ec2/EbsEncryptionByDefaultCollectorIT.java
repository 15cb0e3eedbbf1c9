package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EbsEncryptionByDefaultCollectorIT {

    private final MotoSession session = MotoSession.in("eu-west-1");
    private final EbsEncryptionByDefaultCollector collector = new EbsEncryptionByDefaultCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void offIsAwsDefaultAndOnIsComparedWithTheState() {
        CloudResource off = DriftCheck.find(collector.collect(session), EbsEncryptionByDefaultCollector.ID);
        assertThat(off.attributes()).containsExactlyEntriesOf(Map.of("enabled", false));
        assertThat(off.awsManaged()).isTrue();

        session.ec2().enableEbsEncryptionByDefault(r -> {});
        // as provider 5.100 wrote it for aws_ebs_encryption_by_default { enabled = true }: a random id
        Map<String, Object> state = Map.of("enabled", true, "id", "terraform-20261122174953398800000001");
        CloudResource live = DriftCheck.find(collector.collect(session), EbsEncryptionByDefaultCollector.ID);
        assertThat(live.region()).isEqualTo("eu-west-1");
        assertThat(live.awsManaged()).isFalse();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        session.ec2().disableEbsEncryptionByDefault(r -> {});
        CloudResource changed = DriftCheck.find(collector.collect(session), EbsEncryptionByDefaultCollector.ID);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("enabled");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }
}
