package dev.driftwatch.remediation;

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
 * Every replica consumes {@code driftwatch.findings} in the group {@code driftwatch-remediators}. The decision is
 * committed to PostgreSQL before this returns, and so before the offset is committed; a redelivered event finds
 * its decision already recorded and records nothing.
 */
@ApplicationScoped
public class FindingsConsumer {

    private static final Logger LOG = Logger.getLogger(FindingsConsumer.class);

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

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
        for (Duration wait = Duration.ofSeconds(1); ; wait = min(wait.multipliedBy(2), MAX_WAIT)) {
            try {
                intake.receive(event);
                worker.nudge();
                return;
            } catch (RuntimeException e) {
                // e.g. PostgreSQL is down: the event waits (its offset uncommitted), it is never dropped
                LOG.warnf(
                        "Finding %s could not be decided on, trying again in %s: %s",
                        event.data().fingerprint(), wait, e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "stopped before finding " + event.data().fingerprint()
                                    + " was decided on; it is consumed again",
                            stopping);
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
