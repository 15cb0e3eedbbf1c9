package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.outbox.UnreadableEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every replica consumes {@code driftwatch.findings} in the group {@code driftwatch-tickets}. The ticket actions
 * are queued in PostgreSQL before this returns, and so before the offset is committed: a database outage holds
 * the event (retried) rather than losing it.
 */
@ApplicationScoped
public class TicketFindingsConsumer {

    private static final Logger LOG = Logger.getLogger(TicketFindingsConsumer.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final EventCodec codec;
    private final TicketIntake intake;
    private final TicketWorker worker;

    TicketFindingsConsumer(ObjectMapper mapper, TicketIntake intake, TicketWorker worker) {
        this.codec = new EventCodec(mapper);
        this.intake = intake;
        this.worker = worker;
    }

    @Incoming("ticket-findings")
    @Blocking
    public void onFinding(String message) {
        FindingEvent event;
        try {
            event = codec.read(message, FindingEvent.FORMAT).event();
        } catch (UnreadableEventException e) {
            LOG.errorf("A finding event could not be read and is left alone: %s", e.getMessage());
            return;
        }
        for (Duration wait = Duration.ofSeconds(1);
                ;
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) < 0 ? wait.multipliedBy(2) : MAX_WAIT) {
            try {
                intake.receive(event);
                worker.nudge();
                return;
            } catch (RuntimeException e) {
                // e.g. PostgreSQL down, or another replica queued the same ticket at the same moment: tried again
                LOG.warnf(
                        "Tickets of finding %s could not be queued, trying again in %s: %s",
                        event.data().fingerprint(), wait, e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "stopped before the tickets of finding "
                                    + event.data().fingerprint() + " were queued; the event is consumed again",
                            stopping);
                }
            }
        }
    }
}
