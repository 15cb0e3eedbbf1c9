package dev.driftwatch.api.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

/** Makes turned-off authentication impossible to miss: a warning at start, at every scan round and in health. */
@Liveness
@ApplicationScoped
public class AuthStatus implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(AuthStatus.class);
    static final String WARNING = "Authentication is OFF (driftwatch.auth.enabled=false): anyone who can reach the API"
            + " can accept drift, waive violations, start scans and create tokens";

    private final AuthConfig config;

    AuthStatus(AuthConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        warnIfOff();
    }

    /** Called at start and by every scan round. */
    public void warnIfOff() {
        if (!config.enabled()) {
            LOG.warn(WARNING);
        }
    }

    /** Always up (auth off is a choice, not a failure), but it says so. */
    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("authentication").up().withData("enabled", config.enabled());
        return (config.enabled() ? response : response.withData("warning", WARNING)).build();
    }
}
