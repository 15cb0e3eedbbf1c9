package dev.driftwatch.api.auth;

import dev.driftwatch.finding.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** The audit trail's events on {@value #TOPIC}, through the outbox (the one place that knows the outbox's API). */
@ApplicationScoped
public class AuditEvents {

    public static final String TOPIC = "driftwatch.audit";
    public static final String TYPE = "audit.recorded";
    public static final String SCHEMA_VERSION = "1";

    private final Outbox outbox;

    AuditEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the caller's transaction: the event is published if and only if the entry is stored. */
    void recorded(AuditEntry entry) {
        outbox.enqueue(TOPIC, entry.principal(), TYPE, SCHEMA_VERSION, entry);
    }
}
