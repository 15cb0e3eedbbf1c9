package dev.driftwatch.api.auth;

import dev.driftwatch.outbox.DriftwatchEvent;
import dev.driftwatch.outbox.EventFormat;
import java.util.Set;

/**
 * One audit entry, on {@code driftwatch.audit} (schema: {@code docs/events/driftwatch.audit.schema.json}), keyed
 * by the principal, so one caller's entries stay in order.
 */
public record AuditRecorded(AuditEntry data) implements DriftwatchEvent {

    public static final String TOPIC = "driftwatch.audit";
    public static final String TYPE = "audit.recorded";
    public static final String SCHEMA_VERSION = "1";
    public static final EventFormat<AuditRecorded, AuditEntry> FORMAT = new EventFormat<>(
            TOPIC, Set.of(TYPE), SCHEMA_VERSION, AuditEntry.class, (type, data) -> new AuditRecorded(data));

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String key() {
        return data.principal();
    }

    @Override
    public String schemaVersion() {
        return SCHEMA_VERSION;
    }
}
