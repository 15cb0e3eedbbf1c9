package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void aRoleImpliesTheOnesBeforeItButApproverNotOperator() {
        assertThat(Role.VIEWER.withImplied()).containsExactly(Role.VIEWER);
        assertThat(Role.OPERATOR.withImplied()).containsExactly(Role.VIEWER, Role.OPERATOR);
        assertThat(Role.APPROVER.withImplied()).containsExactly(Role.VIEWER, Role.APPROVER);
        assertThat(Role.ADMIN.withImplied()).isEqualTo(EnumSet.allOf(Role.class));
    }

    @Test
    void namesAreTheOnesOfRolesAllowed() {
        assertThat(Role.of(Role.VIEWER_NAME)).isEqualTo(Role.VIEWER);
        assertThat(Role.of(Role.OPERATOR_NAME)).isEqualTo(Role.OPERATOR);
        assertThat(Role.of(Role.APPROVER_NAME)).isEqualTo(Role.APPROVER);
        assertThat(Role.of(Role.ADMIN_NAME)).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.of("root")).hasMessageContaining("viewer, operator, approver, admin");
    }
}
