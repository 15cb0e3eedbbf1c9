package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcurrentChecksTest {

    @Test
    void checksPastTheBoundAreToldToComeBackAndPermitsAreReturned() {
        ConcurrentChecks checks = new ConcurrentChecks(new TestAuthConfig(true, "groups", Map.of(), 1));
        String nested = checks.run(() -> {
            assertThatThrownBy(() -> checks.run(() -> "second"))
                    .isInstanceOfSatisfying(WebApplicationException.class, e -> {
                        assertThat(e.getResponse().getStatus()).isEqualTo(429);
                        assertThat(e.getResponse().getHeaderString("Retry-After"))
                                .isEqualTo("5");
                    });
            return "first";
        });
        assertThat(nested).isEqualTo("first");
        assertThat(checks.run(() -> "again")).isEqualTo("again");
    }
}
