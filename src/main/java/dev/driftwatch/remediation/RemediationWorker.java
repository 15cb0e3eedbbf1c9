package dev.driftwatch.remediation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes remediations that are ready from PostgreSQL and runs them, on every replica: a finding event only
 * records a decision and wakes this sooner, so what is decided is never lost with a message, and a replica that
 * stops mid-way leaves its claim to be taken over.
 */
@ApplicationScoped
public class RemediationWorker {

    private static final Logger LOG = Logger.getLogger(RemediationWorker.class);

    private final RemediationClaims claims;
    private final RemediationRun run;
    private final Remediations remediations;
    private final Breakers breakers;
    private final RemediationMetrics metrics;
    private final RemediationConfig config;
    private final Clock clock;
    private final String instance = instanceName();
    private final Semaphore slots;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "remediation-poller"));
    private final ExecutorService runners;

    RemediationWorker(
            RemediationClaims claims,
            RemediationRun run,
            Remediations remediations,
            Breakers breakers,
            RemediationMetrics metrics,
            RemediationConfig config,
            Clock clock) {
        this.claims = claims;
        this.run = run;
        this.remediations = remediations;
        this.breakers = breakers;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.slots = new Semaphore(config.concurrency());
        this.runners = Executors.newFixedThreadPool(config.concurrency(), r -> new Thread(r, "remediation-run"));
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            poller.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        runners.shutdownNow();
    }

    /** Look now, e.g. right after a decision was recorded or approved. */
    public void nudge() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // shutting down: another replica takes it
        }
    }

    private void poll() {
        try {
            int expired = remediations.expireApprovals();
            if (expired > 0) {
                LOG.infof("%d remediations expired waiting for approval", expired);
            }
            refreshGauges();
            while (slots.tryAcquire()) {
                Optional<RemediationClaims.Claim> claim = Optional.empty();
                try {
                    claim = claims.next(instance, config.claimTimeout());
                } finally {
                    if (claim.isEmpty()) {
                        slots.release();
                    }
                }
                if (claim.isEmpty()) {
                    return;
                }
                RemediationClaims.Claim claimed = claim.get();
                runners.execute(() -> runAndFreeSlot(claimed));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not look for remediations, trying again in %s: %s", config.pollInterval(), e.getMessage());
        }
    }

    private void runAndFreeSlot(RemediationClaims.Claim claim) {
        try {
            run.run(claim);
        } catch (RuntimeException e) {
            // its claim times out and another look takes it over: verified only, if its write had begun
            LOG.errorf(
                    e, "Remediation %d stopped half-way; taken up again after %s", claim.id(), config.claimTimeout());
        } finally {
            slots.release();
            nudge();
        }
    }

    private void refreshGauges() {
        Remediations.Waiting waiting = remediations.waiting();
        long oldest = waiting.oldestSince() == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(waiting.oldestSince(), clock.instant()).toSeconds());
        metrics.awaiting(waiting.count(), oldest);
        metrics.breakers(breakers.openByAccount());
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-"
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
