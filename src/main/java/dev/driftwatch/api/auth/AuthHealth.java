package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** {@code /q/health} says whether authentication is on: always up (off is a choice, not a failure), with a warning. */
@Liveness
@ApplicationScoped
class AuthHealth implements HealthCheck {

    private final AuthConfig config;

    AuthHealth(AuthConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("authentication").up().withData("enabled", config.enabled());
        return (config.enabled() ? response : response.withData("warning", AuthStatus.WARNING)).build();
    }
}
