package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamRoleCollectorIT {

    static final String TRUST =
            "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}],"
                    + "\"Version\":\"2012-10-17\"}";

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamRoleCollector collector = new IamRoleCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    /** As provider 5.100 wrote it for an {@code aws_iam_role} with description, tags and a heredoc trust policy. */
    static Map<String, Object> state(String uniqueId, Map<String, Object> tags) {
        return Map.ofEntries(
                Map.entry("arn", "arn:aws:iam::" + Moto.ACCOUNT + ":role/app-role"),
                Map.entry(
                        "assume_role_policy",
                        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                                + "      \"Principal\": { \"Service\": \"ec2.amazonaws.com\" },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}\n"),
                Map.entry("create_date", "2026-11-22T17:02:40Z"),
                Map.entry("description", "app"),
                Map.entry("force_detach_policies", false),
                Map.entry("id", "app-role"),
                Map.entry("inline_policy", List.of()),
                Map.entry("managed_policy_arns", List.of()),
                Map.entry("max_session_duration", 3600),
                Map.entry("name", "app-role"),
                Map.entry("name_prefix", ""),
                Map.entry("path", "/"),
                Map.entry("permissions_boundary", ""),
                Map.entry("tags", tags),
                Map.entry("tags_all", tags),
                Map.entry("unique_id", uniqueId));
    }

    @Test
    void collectsRolesWithTagsAndTrustPolicyAndSeesATagChangedByHand() {
        IamClient iam = session.iam();
        String uniqueId = iam.createRole(r -> r.roleName("app-role")
                        .description("app")
                        .assumeRolePolicyDocument(TRUST)
                        .tags(t -> t.key("Team").value("app")))
                .role()
                .roleId();

        CloudResource live = DriftCheck.find(collector.collect(session), "app-role");
        assertThat(live.arn()).isEqualTo("arn:aws:iam::" + Moto.ACCOUNT + ":role/app-role");
        assertThat(live.region()).isEqualTo(Regions.GLOBAL);
        assertThat(live.createdAt()).isNotNull();
        assertThat(live.attributes())
                .containsEntry("assume_role_policy", TRUST)
                .containsEntry("tags", Map.of("Team", "app"));
        assertThat(DriftCheck.compare(live, state(uniqueId, Map.of("Team", "app"))))
                .isEmpty();

        iam.tagRole(r -> r.roleName("app-role").tags(t -> t.key("Team").value("ops")));
        CloudResource changed = DriftCheck.find(collector.collect(session), "app-role");
        assertThat(DriftCheck.compare(changed, state(uniqueId, Map.of("Team", "app"))))
                .singleElement()
                .satisfies(drift -> {
                    assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
                    assertThat(drift.diffs()).singleElement().satisfies(d -> {
                        assertThat(d.path()).isEqualTo("tags.Team");
                        assertThat(d.actual()).isEqualTo("ops");
                    });
                });
    }

    @Test
    void seesTheTrustPolicyChangedByHand() {
        IamClient iam = session.iam();
        String uniqueId = iam.createRole(r -> r.roleName("app-role")
                        .description("app")
                        .assumeRolePolicyDocument(TRUST)
                        .tags(t -> t.key("Team").value("app")))
                .role()
                .roleId();
        iam.updateAssumeRolePolicy(
                r -> r.roleName("app-role").policyDocument(TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com")));

        CloudResource changed = DriftCheck.find(collector.collect(session), "app-role");
        assertThat(DriftCheck.compare(changed, state(uniqueId, Map.of("Team", "app"))))
                .singleElement()
                .satisfies(drift -> assertThat(drift.diffs()).singleElement().satisfies(d -> {
                    assertThat(d.path()).isEqualTo("assume_role_policy");
                    assertThat(d.actual().toString()).contains("lambda.amazonaws.com");
                }));
    }
}
