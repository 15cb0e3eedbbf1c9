package dev.driftwatch.api.auth;

import dev.driftwatch.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** The audit trail's events on {@code driftwatch.audit}, through the outbox. */
@ApplicationScoped
public class AuditEvents {

    private final Outbox outbox;

    AuditEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the caller's transaction: the event is published if and only if the entry is stored. */
    void recorded(AuditEntry entry) {
        outbox.enqueue(new AuditRecorded(entry));
    }
}
