package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class AuthHealthTest {

    @Test
    void healthSaysWhenAuthenticationIsOff() {
        HealthCheckResponse off = new AuthHealth(new TestAuthConfig(false, "groups", Map.of(), 4)).call();
        assertThat(off.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(off.getData().orElseThrow())
                .containsEntry("enabled", false)
                .hasEntrySatisfying("warning", w -> assertThat(w.toString()).contains("Authentication is OFF"));

        HealthCheckResponse on = new AuthHealth(TestAuthConfig.groups("groups", Map.of("viewer", List.of("g")))).call();
        assertThat(on.getData().orElseThrow()).containsEntry("enabled", true).doesNotContainKey("warning");
    }
}
