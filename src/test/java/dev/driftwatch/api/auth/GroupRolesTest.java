package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupRolesTest {

    @Test
    void mappedGroupsGiveTheirRolesAndTheRolesTheyImply() {
        GroupRoles roles =
                new GroupRoles(config("groups", Map.of("operator", List.of("platform"), "admin", List.of("root"))));
        assertThat(roles.of(Map.<String, Object>of("groups", List.of("platform", "admin"))::get))
                .containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR);
        assertThat(roles.of(Map.<String, Object>of("groups", List.of("admin"))::get))
                .as("an unmapped group")
                .isEmpty();
        assertThat(roles.of(Map.<String, Object>of()::get)).isEmpty();
    }

    @Test
    void aDottedClaimReachesIntoObjects() {
        GroupRoles roles = new GroupRoles(config("realm_access.roles", Map.of("approver", List.of("approvers"))));
        Object realmAccess = Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("approvers"))
                .build();
        assertThat(roles.of(Map.of("realm_access", realmAccess)::get))
                .containsExactlyInAnyOrder(Role.VIEWER, Role.APPROVER);
    }

    private static AuthConfig config(String claim, Map<String, List<String>> mapping) {
        return TestAuthConfig.groups(claim, mapping);
    }
}
