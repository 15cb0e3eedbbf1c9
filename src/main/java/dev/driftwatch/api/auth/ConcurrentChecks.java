package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** A bound on checks (/api/checks) running at once: each reads the cloud with the service's credentials. */
@ApplicationScoped
public class ConcurrentChecks {

    private final Semaphore permits;
    private final int max;

    ConcurrentChecks(AuthConfig config) {
        this.max = config.limits().concurrentChecks();
        this.permits = new Semaphore(max);
    }

    /** Runs the check, or answers 429 if {@code concurrent-checks} are running already. */
    public <T> T run(Supplier<T> check) {
        if (!permits.tryAcquire()) {
            throw TooMany.exception(5, max + " checks are running; try again shortly");
        }
        try {
            return check.get();
        } finally {
            permits.release();
        }
    }
}
