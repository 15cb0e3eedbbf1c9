package dev.driftwatch.sweeper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes queued and approved sweeps from PostgreSQL on every replica, one at a time per replica: a request survives
 * a restart, and two replicas never run the same sweep (nor two sweeps of one account: {@link Sweeper} holds its
 * lock).
 */
@ApplicationScoped
public class SweepWorker {

    private static final Logger LOG = Logger.getLogger(SweepWorker.class);

    private final SweepStore store;
    private final Sweeper sweeper;
    private final SweepMetrics metrics;
    private final SandboxAccounts sandboxes;
    private final SweeperConfig config;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sweep-worker"));

    SweepWorker(
            SweepStore store, Sweeper sweeper, SweepMetrics metrics, SandboxAccounts sandboxes, SweeperConfig config) {
        this.store = store;
        this.sweeper = sweeper;
        this.metrics = metrics;
        this.sandboxes = sandboxes;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        metrics.register(sandboxes.all().stream().map(SweeperConfig.Account::id).toList());
        store.lastSuccesses().forEach(metrics::succeeded);
        poller.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    /** Look now, e.g. right after a sweep was asked for or approved. */
    public void nudge() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // shutting down: the next start, or another replica, takes it
        }
    }

    private void poll() {
        try {
            for (Optional<SweepEntity> taken = store.take(); taken.isPresent(); taken = store.take()) {
                sweeper.run(taken.get());
            }
        } catch (RuntimeException e) {
            LOG.errorf("Looking for sweeps failed, trying again in %s: %s", config.pollInterval(), e.getMessage());
        }
    }
}
