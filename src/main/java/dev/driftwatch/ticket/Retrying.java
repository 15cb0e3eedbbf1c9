package dev.driftwatch.ticket;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs a step until it succeeds, waiting longer each time (1 s doubling to 30 s): a consumer holds its event, its
 * offset uncommitted, while PostgreSQL is down, rather than dropping it.
 */
final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private Retrying() {}

    static void until(Runnable step, String what) {
        for (Duration wait = Duration.ofSeconds(1); ; wait = min(wait.multipliedBy(2), MAX_WAIT)) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                // e.g. PostgreSQL down, or another replica queued the same ticket at the same moment
                LOG.warnf("%s could not be queued, trying again in %s: %s", what, wait, e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "stopped before " + what + " was queued; the event is consumed again", stopping);
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
