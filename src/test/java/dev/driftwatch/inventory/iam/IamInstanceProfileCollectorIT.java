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

class IamInstanceProfileCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamInstanceProfileCollector collector = new IamInstanceProfileCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsProfilesWithTheirRoleAndSeesTheRoleRemovedByHand() {
        IamClient iam = session.iam();
        iam.createRole(r -> r.roleName("app-role").assumeRolePolicyDocument(IamRoleCollectorIT.TRUST));
        String uniqueId = iam.createInstanceProfile(r -> r.instanceProfileName("app-profile")
                        .tags(t -> t.key("Team").value("app")))
                .instanceProfile()
                .instanceProfileId();
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("app-profile").roleName("app-role"));
        String arn = "arn:aws:iam::" + Moto.ACCOUNT + ":instance-profile/app-profile";
        // as provider 5.100 wrote it for aws_iam_instance_profile { name = "app-profile", role = ..., tags = { Team =
        // "app" } }
        Map<String, Object> state = Map.of(
                "arn",
                arn,
                "create_date",
                "2026-11-22T17:02:40Z",
                "id",
                "app-profile",
                "name",
                "app-profile",
                "name_prefix",
                "",
                "path",
                "/",
                "role",
                "app-role",
                "tags",
                Map.of("Team", "app"),
                "tags_all",
                Map.of("Team", "app"),
                "unique_id",
                uniqueId);

        CloudResource live = DriftCheck.find(collector.collect(session), "app-profile");
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(live.createdAt()).isNotNull();
        assertThat(live.attributes()).containsEntry("tags", Map.of("Team", "app"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        iam.removeRoleFromInstanceProfile(
                r -> r.instanceProfileName("app-profile").roleName("app-role"));
        CloudResource changed = DriftCheck.find(collector.collect(session), "app-profile");
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("role");
                assertThat(d.actual()).isEqualTo("");
            });
        });
    }
}
