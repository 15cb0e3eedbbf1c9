package dev.driftwatch.scan;

import dev.driftwatch.lock.TargetLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A stopping replica (SIGTERM) takes no new scan, lets running ones finish for {@code quarkus.shutdown.timeout}
 * less {@link #MARGIN}, then marks each unfinished one FAILED ("interrupted by shutdown") and revokes its
 * target lease, so that what it read later writes nothing. FAILED rather than QUEUED again: a half scan
 * concludes nothing, and the next round or request scans the target afresh on any replica.
 */
@ApplicationScoped
public class ScanShutdown {

    private static final Logger LOG = Logger.getLogger(ScanShutdown.class);
    /** Time kept back from the shutdown timeout to record interrupted scans and stop the rest. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    static final String INTERRUPTED = "interrupted by shutdown";

    private final RunningScans running;
    private final ScanRuns runs;
    private final TargetLock lock;
    private final Duration grace;

    ScanShutdown(
            RunningScans running,
            ScanRuns runs,
            TargetLock lock,
            @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> timeout) {
        this.running = running;
        this.runs = runs;
        this.lock = lock;
        Duration left = timeout.orElse(Duration.ZERO).minus(MARGIN);
        this.grace = left.isNegative() ? Duration.ZERO : left;
    }

    /** Early among shutdown observers: the database must still be there. */
    void onStop(@Observes @Priority(10) ShutdownEvent event) {
        running.stop();
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.list().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (RunningScans.Running scan : running.list()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    lock.revoke(scan.lease());
                    runs.fail(
                            scan.scanId(),
                            new ScanProblem("scan of " + scan.lease().target(), INTERRUPTED));
                });
                LOG.warnf("Scan %d of %s %s", scan.scanId(), scan.lease().target(), INTERRUPTED);
            } catch (RuntimeException e) {
                LOG.errorf("Scan %d could not be marked %s: %s", scan.scanId(), INTERRUPTED, e.getMessage());
            }
            scan.thread().interrupt(); // frees its worker from a pending AWS call
        }
    }
}
