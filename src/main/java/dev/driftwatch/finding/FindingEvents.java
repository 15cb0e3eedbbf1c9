package dev.driftwatch.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes finding changes to the outbox as CloudEvents 1.0 (structured JSON) for
 * {@code driftwatch.findings}, keyed by fingerprint so one finding's events stay in order.
 */
@ApplicationScoped
public class FindingEvents {

    public static final String TOPIC = "driftwatch.findings";
    /** Version of the {@code data} schema; raise it on incompatible changes. */
    static final String SCHEMA_VERSION = "1";

    private final ObjectMapper mapper;

    FindingEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void opened(FindingEntity finding) {
        enqueue("finding.opened", finding);
    }

    void updated(FindingEntity finding) {
        enqueue("finding.updated", finding);
    }

    void resolved(FindingEntity finding) {
        enqueue("finding.resolved", finding);
    }

    private void enqueue(String type, FindingEntity finding) {
        Instant now = Instant.now();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "urn:driftwatch:findings");
        event.put("type", type);
        event.put("subject", finding.fingerprint);
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        event.put("schemaversion", SCHEMA_VERSION);
        event.put("data", FindingView.of(finding));
        OutboxEventEntity row = new OutboxEventEntity();
        row.topic = TOPIC;
        row.messageKey = finding.fingerprint;
        row.eventType = type;
        row.payload = json(event);
        row.createdAt = now;
        row.persist();
    }

    private String json(Map<String, Object> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Finding event cannot be serialised", e);
        }
    }
}
