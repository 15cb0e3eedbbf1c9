package dev.driftwatch.outbox;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's step until it succeeds, waiting longer each time (1 s doubling to 30 s): the consumer holds its
 * event, its offset uncommitted, while PostgreSQL is down, rather than dropping it. Shared by every consumer of
 * driftwatch's own events.
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private Retrying() {}

    /** @param what the step, for the log: "&lt;what&gt; failed, trying again in …" */
    public static void until(Runnable step, String what) {
        for (Duration wait = Duration.ofSeconds(1); ; wait = min(wait.multipliedBy(2), MAX_WAIT)) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                // e.g. PostgreSQL down, or another replica recorded the same decision at the same moment
                LOG.warnf("%s failed, trying again in %s: %s", what, wait, e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "stopped before " + what + " succeeded; the event is consumed again", stopping);
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
