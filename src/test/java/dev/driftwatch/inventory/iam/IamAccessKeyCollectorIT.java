package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

class IamAccessKeyCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamAccessKeyCollector collector = new IamAccessKeyCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsEveryUsersKeysWithoutSecretsAndSeesAKeyDeactivatedByHand() {
        IamClient iam = session.iam();
        iam.createUser(r -> r.userName("alice"));
        iam.createUser(r -> r.userName("bob"));
        String key = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        String other = iam.createAccessKey(r -> r.userName("bob")).accessKey().accessKeyId();

        var collected = collector.collect(session);
        assertThat(collected).extracting(CloudResource::id).containsExactlyInAnyOrder(key, other);
        CloudResource live = DriftCheck.find(collected, key);
        assertThat(live.attributes()).containsOnlyKeys("id", "user", "status", "create_date");
        assertThat(live.createdAt())
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        String created = live.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(live.attributes().get("create_date")).isEqualTo(created);

        // as provider 5.100 wrote it for aws_iam_access_key { user = "alice" } (secret, ses_smtp_password_v4 are
        // sensitive)
        Map<String, Object> state =
                new HashMap<>(Map.of("create_date", created, "id", key, "status", "Active", "user", "alice"));
        state.put("encrypted_secret", null);
        state.put("key_fingerprint", null);
        state.put("pgp_key", null);
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(key).status(StatusType.INACTIVE));
        CloudResource changed = DriftCheck.find(collector.collect(session), key);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("status");
                assertThat(d.actual()).isEqualTo("Inactive");
            });
        });
    }
}
