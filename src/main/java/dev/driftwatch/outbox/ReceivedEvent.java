package dev.driftwatch.outbox;

import java.time.Instant;

/** An event as a consumer reads it: its CloudEvents attributes and the event record itself. */
public record ReceivedEvent<E extends DriftwatchEvent>(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String specVersion,
        String schemaVersion,
        E event) {}
