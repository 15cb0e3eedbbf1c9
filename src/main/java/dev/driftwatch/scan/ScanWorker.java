package dev.driftwatch.scan;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Takes queued scans from PostgreSQL and runs them, up to {@code driftwatch.scan.concurrency} at once. Every
 * replica does this, so replicas share the work, and detection needs no Kafka: a {@code scan.requested}
 * event only wakes a replica sooner than its next look ({@code driftwatch.scan.poll-interval}).
 */
@ApplicationScoped
public class ScanWorker {

    private static final Logger LOG = Logger.getLogger(ScanWorker.class);

    private final ScanClaims claims;
    private final ScanService scans;
    private final ScanRuns runs;
    private final ScanConfig config;
    private final RunningScans running;
    private final Semaphore slots;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scan-poller"));
    private final ExecutorService scanners;
    /** Scans of this replica that ended but could not be marked FAILED yet; tried again at each look. */
    private final Map<Long, ScanProblem> unrecorded = new ConcurrentHashMap<>();

    ScanWorker(ScanClaims claims, ScanService scans, ScanRuns runs, ScanConfig config, RunningScans running) {
        this.claims = claims;
        this.scans = scans;
        this.runs = runs;
        this.config = config;
        this.running = running;
        this.slots = new Semaphore(config.concurrency());
        AtomicInteger threads = new AtomicInteger();
        this.scanners = Executors.newFixedThreadPool(
                config.concurrency(), r -> new Thread(r, "scan-" + threads.incrementAndGet()));
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (config.pollInterval().isNegative() || config.pollInterval().isZero()) {
            throw new IllegalArgumentException(
                    "driftwatch.scan.poll-interval must be longer than 0, was " + config.pollInterval());
        }
        if (config.replicaTimeout().compareTo(config.pollInterval().multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("driftwatch.scan.replica-timeout must be at least three times"
                    + " driftwatch.scan.poll-interval (" + config.pollInterval() + "), was " + config.replicaTimeout());
        }
        poller.execute(this::failOwnScans);
        poller.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        scanners.shutdownNow();
    }

    /** Look for queued scans now, e.g. right after one was requested. */
    public void nudge() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // shutting down: another replica takes the scan
        }
    }

    private void failOwnScans() {
        try {
            ScanClaims.TakenOver own = claims.takeOverOwn(scans.instance());
            if (own.failed() > 0) {
                LOG.warnf(
                        "%d scans were RUNNING here when this replica last stopped; recorded as FAILED, %d queued"
                                + " again",
                        own.failed(), own.requeued());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not close the scans of this replica's last run: %s", e.getMessage());
        }
    }

    private void poll() {
        try {
            claims.heartbeat(scans.instance());
            recordEnds();
            ScanClaims.TakenOver orphans = claims.takeOverOrphans(config.replicaTimeout());
            if (orphans.failed() > 0) {
                LOG.warnf(
                        "%d RUNNING scans belonged to replicas not heard from for %s; recorded as FAILED, %d queued"
                                + " again",
                        orphans.failed(), config.replicaTimeout(), orphans.requeued());
            }
            // A stopping replica (SIGTERM) leaves queued scans QUEUED for the other replicas.
            while (!running.stopping() && slots.tryAcquire()) {
                Optional<Long> claimed = Optional.empty();
                try {
                    claimed = claims.claimNext(scans.instance());
                } finally {
                    if (claimed.isEmpty()) {
                        slots.release();
                    }
                }
                if (claimed.isEmpty()) {
                    return;
                }
                long scanId = claimed.get();
                scanners.execute(() -> runAndFreeSlot(scanId));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for queued scans, trying again in %s: %s", config.pollInterval(), e.getMessage());
        }
    }

    private void runAndFreeSlot(long scanId) {
        try {
            scans.runClaimed(scanId);
        } catch (ScanEndNotRecorded e) {
            LOG.errorf("%s; trying again at each look", e.getMessage());
            unrecorded.put(scanId, e.problem());
        } catch (RuntimeException | Error e) {
            // e.g. the lock could not be taken: the scan must not stay RUNNING under a live replica's name
            LOG.errorf(e, "Scan %d could not be run", scanId);
            failQuietly(scanId, e);
        } finally {
            slots.release();
            nudge();
        }
    }

    private void failQuietly(long scanId, Throwable cause) {
        ScanProblem problem =
                new ScanProblem("scan " + scanId, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        try {
            runs.fail(scanId, problem);
        } catch (RuntimeException e) {
            LOG.warnf("Scan %d could not be marked FAILED, trying again at each look: %s", scanId, e.getMessage());
            unrecorded.put(scanId, problem);
        }
    }

    /** A scan that ended here is never left RUNNING under this live replica's name, where no other takes it. */
    private void recordEnds() {
        unrecorded.forEach((scanId, problem) -> {
            runs.fail(scanId, problem); // a failure here waits for the next look
            unrecorded.remove(scanId);
            LOG.infof("Scan %d recorded as FAILED: %s", scanId, problem.reason());
        });
    }
}
