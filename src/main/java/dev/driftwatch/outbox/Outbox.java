package dev.driftwatch.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a CloudEvents 1.0 event (structured JSON) to the outbox, inside the caller's transaction: the
 * event is published if and only if the change it reports commits.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final Clock clock;

    Outbox(ObjectMapper mapper, Clock clock) {
        this.codec = new EventCodec(mapper);
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(DriftwatchEvent event) {
        Instant now = clock.instant();
        OutboxEventEntity row = new OutboxEventEntity();
        row.topic = event.topic();
        row.messageKey = event.key();
        row.eventType = event.type();
        row.payload = codec.write(event, UUID.randomUUID(), now);
        row.createdAt = now;
        row.persist();
    }
}
