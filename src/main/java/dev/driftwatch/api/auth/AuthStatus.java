package dev.driftwatch.api.auth;

import dev.driftwatch.scan.ScanRoundStarted;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Makes turned-off authentication impossible to miss: a warning at start and at every scan round. */
@ApplicationScoped
public class AuthStatus {

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

    void onScanRound(@Observes ScanRoundStarted event) {
        warnIfOff();
    }

    /** At start and at every scan round. */
    public void warnIfOff() {
        if (!config.enabled()) {
            LOG.warn(WARNING);
        }
    }
}
