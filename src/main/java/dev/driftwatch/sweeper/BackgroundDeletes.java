package dev.driftwatch.sweeper;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.sweeper.delete.DeleteErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Waits, bounded, for the deletes AWS finishes in the background (instances terminating, NAT gateways and databases
 * deleting), so the types that wait for them are not tried while they still hold their dependencies. Measured in
 * elapsed time, not by the clock: it waits for AWS, which the clock does not move.
 */
final class BackgroundDeletes {

    private static final Logger LOG = Logger.getLogger(BackgroundDeletes.class);
    private static final long POLL_MILLIS = 2_000;

    private final Duration limit;

    BackgroundDeletes(Duration limit) {
        this.limit = limit;
    }

    /** Whether each finished within the limit; a failed check counts as not finished, and is asked again. */
    Map<SweepExecution.Result, Boolean> await(
            List<SweepExecution.Result> started, Function<String, AwsSession> session, Deleters deleters) {
        Map<SweepExecution.Result, Boolean> finished = new LinkedHashMap<>();
        started.forEach(r -> finished.put(r, false));
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (SweepExecution.Result result : started) {
                if (!finished.get(result)) {
                    finished.put(result, finished(result, session, deleters));
                }
            }
            if (!finished.containsValue(false) || System.nanoTime() > deadline) {
                return finished;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return finished;
            }
        }
    }

    private static boolean finished(
            SweepExecution.Result result, Function<String, AwsSession> session, Deleters deleters) {
        try {
            return deleters.of(result.item().resourceType)
                    .orElseThrow()
                    .finished(session.apply(result.item().region), result.resource());
        } catch (RuntimeException e) {
            if (DeleteErrors.gone(e)) {
                return true;
            }
            // not finished as far as driftwatch can tell: it ends DELETING, never DELETED, unless a later check says so
            LOG.warnf(
                    "Cannot tell whether %s %s is deleted yet: %s",
                    result.item().resourceType, result.item().resourceId, e.getMessage());
            return false;
        }
    }
}
