package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamUserCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamUserCollector collector = new IamUserCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsUsersWithTagsAndSeesATagAddedByHand() {
        IamClient iam = session.iam();
        String uniqueId = iam.createUser(
                        r -> r.userName("alice").path("/people/").tags(t -> t.key("Team")
                                .value("app")))
                .user()
                .userId();
        // as provider 5.100 wrote it for aws_iam_user { name = "alice", path = "/people/", tags = { Team = "app" } }
        Map<String, Object> state = Map.of(
                "arn",
                "arn:aws:iam::" + Moto.ACCOUNT + ":user/people/alice",
                "force_destroy",
                false,
                "id",
                "alice",
                "name",
                "alice",
                "path",
                "/people/",
                "permissions_boundary",
                "",
                "tags",
                Map.of("Team", "app"),
                "tags_all",
                Map.of("Team", "app"),
                "unique_id",
                uniqueId);

        CloudResource live = DriftCheck.find(collector.collect(session), "alice");
        assertThat(live.arn()).isEqualTo("arn:aws:iam::" + Moto.ACCOUNT + ":user/people/alice");
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(live.createdAt()).isNotNull();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        iam.tagUser(r -> r.userName("alice").tags(t -> t.key("Admin").value("yes")));
        CloudResource changed = DriftCheck.find(collector.collect(session), "alice");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("tags.Admin");
                assertThat(d.actual()).isEqualTo("yes");
            });
        });
    }
}
