package dev.driftwatch.outbox;

import java.time.Instant;

/** An event Kafka refused for good, as the API shows it (without its payload). */
public record DeadEventView(
        long id,
        String topic,
        String key,
        String type,
        Instant createdAt,
        Instant deadAt,
        int attempts,
        int failures,
        String lastError) {

    static DeadEventView of(OutboxEventEntity row) {
        return new DeadEventView(
                row.id,
                row.topic,
                row.messageKey,
                row.eventType,
                row.createdAt,
                row.deadAt,
                row.attempts,
                row.failures,
                row.lastError);
    }
}
