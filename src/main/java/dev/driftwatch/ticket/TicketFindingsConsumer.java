package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.outbox.Retrying;
import dev.driftwatch.outbox.UnreadableEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
        Retrying.until(
                () -> intake.receive(event),
                "queueing the tickets of finding " + event.data().fingerprint());
        worker.nudge();
    }
}
