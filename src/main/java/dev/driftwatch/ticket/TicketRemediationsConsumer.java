package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.outbox.Retrying;
import dev.driftwatch.outbox.UnreadableEventException;
import dev.driftwatch.remediation.RemediationEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every replica consumes {@code driftwatch.remediations} in the group {@code driftwatch-ticket-remediations}: a remediation
 * that failed, was rejected or expired is a ticket (or a comment), queued before the offset is committed.
 */
@ApplicationScoped
public class TicketRemediationsConsumer {

    private static final Logger LOG = Logger.getLogger(TicketRemediationsConsumer.class);

    private final EventCodec codec;
    private final TicketIntake intake;
    private final TicketWorker worker;

    TicketRemediationsConsumer(ObjectMapper mapper, TicketIntake intake, TicketWorker worker) {
        this.codec = new EventCodec(mapper);
        this.intake = intake;
        this.worker = worker;
    }

    @Incoming("ticket-remediations")
    @Blocking
    public void onRemediation(String message) {
        RemediationEvent event;
        try {
            event = codec.read(message, RemediationEvent.FORMAT).event();
        } catch (UnreadableEventException e) {
            LOG.errorf("A remediation event could not be read and is left alone: %s", e.getMessage());
            return;
        }
        Retrying.until(
                () -> intake.receive(event),
                "queueing the ticket of remediation " + event.data().id());
        worker.nudge();
    }
}
