package dev.driftwatch.remediation;

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
 * Every replica consumes {@code driftwatch.findings} in the group {@code driftwatch-remediators}. The decision is
 * committed to PostgreSQL before this returns, and so before the offset is committed; a redelivered event finds
 * its decision already recorded and records nothing.
 */
@ApplicationScoped
public class FindingsConsumer {

    private static final Logger LOG = Logger.getLogger(FindingsConsumer.class);

    private final EventCodec codec;
    private final RemediationIntake intake;
    private final RemediationWorker worker;

    FindingsConsumer(ObjectMapper mapper, RemediationIntake intake, RemediationWorker worker) {
        this.codec = new EventCodec(mapper);
        this.intake = intake;
        this.worker = worker;
    }

    @Incoming("findings")
    @Blocking
    public void onFinding(String message) {
        FindingEvent event;
        try {
            event = codec.read(message, FindingEvent.FORMAT).event();
        } catch (UnreadableEventException e) {
            // nothing can be decided from it; a newer finding version comes with the next scan
            LOG.errorf("A finding event could not be read and is left alone: %s", e.getMessage());
            return;
        }
        // e.g. PostgreSQL is down: the event waits (its offset uncommitted), it is never dropped
        Retrying.until(
                () -> intake.receive(event),
                "deciding on finding " + event.data().fingerprint());
        worker.nudge();
    }
}
