package dev.driftwatch.ticket;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Works the ticket queue on every replica: takes due actions one at a time, calls the sink, records the outcome.
 * A finding event only queues actions and wakes this sooner; what is queued survives restarts and outages.
 */
@ApplicationScoped
public class TicketWorker {

    private static final Logger LOG = Logger.getLogger(TicketWorker.class);
    private static final int MAX_PER_POLL = 100;

    private final TicketQueue queue;
    private final TicketSinks sinks;
    private final TicketRouting routing;
    private final TicketMetrics metrics;
    private final TicketConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ticket-worker"));

    TicketWorker(
            TicketQueue queue,
            TicketSinks sinks,
            TicketRouting routing,
            TicketMetrics metrics,
            TicketConfig config,
            Clock clock) {
        this.queue = queue;
        this.sinks = sinks;
        this.routing = routing;
        this.metrics = metrics;
        this.config = config;
        this.backoff = new Backoff(config.firstRetry(), config.maxRetry());
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            routing.named()
                    .forEach(sinks::named); // builds the routed sinks: a bad route or sink setting fails the start
            metrics.register(sinks.names());
            poller.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    /** Look now, e.g. right after actions were queued. */
    public void nudge() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // shutting down: the next start, or another replica, takes it
        }
    }

    private void poll() {
        try {
            metrics.open(queue.openBySink());
            metrics.waiting(queue.oldestPendingBySink(), clock.instant());
            for (int i = 0; i < MAX_PER_POLL; i++) {
                Optional<TicketQueue.Taken> taken = queue.take(clock.instant(), config.lease());
                if (taken.isEmpty()) {
                    return;
                }
                work(taken.get());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not work the ticket queue, trying again in %s: %s", config.pollInterval(), e.getMessage());
        }
    }

    private void work(TicketQueue.Taken taken) {
        try {
            Optional<TicketSink.Created> created = new TicketCall(sinks.named(taken.sink())).run(taken);
            queue.done(taken, created, clock.instant());
            metrics.action(taken.sink(), taken.action(), "done");
        } catch (TicketCall.ClosedByPerson e) {
            boolean wontDo = e.state() == TicketState.WONT_DO;
            LOG.infof(
                    "Ticket %d was closed by a person%s; it is left alone",
                    taken.ticketId(), wontDo ? " as won't do" : "");
            queue.closedByPerson(taken, e.state(), clock.instant());
            metrics.action(taken.sink(), taken.action(), wontDo ? "wont_do" : "closed_by_person");
        } catch (TicketSinkException e) {
            if (e.retryable()) {
                var wait = backoff.after(taken.attempts(), e.retryAfter());
                LOG.warnf(
                        "Ticket action %d (%s) tried again in %s: %s",
                        taken.actionId(), taken.action(), wait, e.getMessage());
                queue.retryAt(taken, clock.instant().plus(wait), e.getMessage(), clock.instant());
                metrics.action(taken.sink(), taken.action(), "retried");
            } else {
                refuse(taken, e.getMessage());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            refuse(taken, e.getMessage()); // e.g. its sink is no longer configured
        }
    }

    private void refuse(TicketQueue.Taken taken, String error) {
        LOG.errorf("Ticket action %d (%s in %s) failed: %s", taken.actionId(), taken.action(), taken.sink(), error);
        queue.failed(taken, error, clock.instant());
        metrics.action(taken.sink(), taken.action(), "failed");
    }
}
