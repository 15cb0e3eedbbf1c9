package dev.driftwatch.inventory.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoS3Control;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3AccountPublicAccessBlockCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3AccountPublicAccessBlockCollector collector = new S3AccountPublicAccessBlockCollector();

    // as the provider 5.100 docs describe aws_s3_account_public_access_block with all four set (moto's S3 Control
    // is reachable path-style only, the provider calls it host-style: no real state could be written against it)
    private static final Map<String, Object> STATE = Map.of(
            "account_id",
            Moto.ACCOUNT,
            "block_public_acls",
            true,
            "block_public_policy",
            true,
            "id",
            Moto.ACCOUNT,
            "ignore_public_acls",
            true,
            "restrict_public_buckets",
            true);

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void noBlockReadsAsAllOffAndAwsManaged() {
        CloudResource none = DriftCheck.find(collector.collect(session), Moto.ACCOUNT);
        assertThat(none.awsManaged()).isTrue();
        assertThat(none.attributes())
                .containsEntry("block_public_policy", false)
                .containsEntry("restrict_public_buckets", false);
    }

    @Test
    void comparesTheBlockAndSeesOneSettingTurnedOffByHand() {
        MotoS3Control.putPublicAccessBlock(true, true, true, true);
        CloudResource live = DriftCheck.find(collector.collect(session), Moto.ACCOUNT);
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(live.awsManaged()).isFalse();
        assertThat(DriftCheck.compare(live, STATE)).isEmpty();

        MotoS3Control.putPublicAccessBlock(true, true, false, true);
        CloudResource changed = DriftCheck.find(collector.collect(session), Moto.ACCOUNT);
        assertThat(DriftCheck.compare(changed, STATE)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("block_public_policy");
                assertThat(d.actual()).isEqualTo(false);
            });
        });
    }
}
