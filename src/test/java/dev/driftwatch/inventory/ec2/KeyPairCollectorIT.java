package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;

class KeyPairCollectorIT {

    /** A public key made for this test (its private half was thrown away). */
    private static final String PUBLIC_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFtx2I7xKkSckZfQjQfvXyUiQKv4+mUF6ZbS6RvkAW74 driftwatch-test";

    private final MotoSession session = MotoSession.in("us-east-1");
    private final KeyPairCollector collector = new KeyPairCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsByNameWithoutTheKeyAndSeesATagChangedByHand() {
        Ec2Client ec2 = session.ec2();
        ImportKeyPairResponse imported = ec2.importKeyPair(r -> r.keyName("deployer")
                .publicKeyMaterial(SdkBytes.fromString(PUBLIC_KEY, StandardCharsets.UTF_8))
                .tagSpecifications(t -> t.resourceType(ResourceType.KEY_PAIR)
                        .tags(tag -> tag.key("Team").value("web"))));
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":key-pair/deployer";
        // As the provider 5.100 wrote it into a state (ids and fingerprint replaced).
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "fingerprint",
                imported.keyFingerprint(),
                "id",
                "deployer",
                "key_name",
                "deployer",
                "key_name_prefix",
                "",
                "key_pair_id",
                imported.keyPairId(),
                "key_type",
                "ed25519",
                "public_key",
                PUBLIC_KEY,
                "tags",
                Map.of("Team", "web"),
                "tags_all",
                Map.of("Team", "web"));

        CloudResource live = DriftCheck.find(collector.collect(session), "deployer");
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.createdAt()).isNotNull();
        assertThat(live.attributes())
                .doesNotContainKey("public_key")
                .containsEntry("key_pair_id", imported.keyPairId());
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.createTags(
                r -> r.resources(imported.keyPairId()).tags(t -> t.key("Team").value("ops")));
        CloudResource changed = DriftCheck.find(collector.collect(session), "deployer");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> assertThat(d.path())
                    .isEqualTo("tags.Team"));
        });
    }
}
