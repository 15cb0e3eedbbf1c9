package dev.driftwatch.scan;

import dev.driftwatch.outbox.DriftwatchEvent;
import dev.driftwatch.outbox.EventFormat;
import java.util.Set;

/**
 * A scan queued for a target, on {@code driftwatch.scan-requests} (schema:
 * {@code docs/events/driftwatch.scan-requests.schema.json}), keyed {@code account/region}. It only wakes replicas:
 * the scan itself is taken from PostgreSQL.
 */
public record ScanRequested(Request data) implements DriftwatchEvent {

    public static final String TOPIC = "driftwatch.scan-requests";
    public static final String TYPE = "scan.requested";
    public static final String SCHEMA_VERSION = "1";
    public static final EventFormat<ScanRequested, Request> FORMAT = new EventFormat<>(
            TOPIC, Set.of(TYPE), SCHEMA_VERSION, Request.class, (type, data) -> new ScanRequested(data));

    /** What a scan-request message carries. */
    public record Request(long scanId, String account, String region, String trigger) {}

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
        return data.account() + "/" + data.region();
    }

    @Override
    public String schemaVersion() {
        return SCHEMA_VERSION;
    }
}
