package dev.driftwatch.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a CloudEvents 1.0 event (structured JSON) to the outbox, inside the caller's transaction: the
 * event is published if and only if the change it reports commits.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param topic         Kafka topic
     * @param key           Kafka key: events with one key stay in order
     * @param type          CloudEvents {@code type}, e.g. {@code finding.opened}
     * @param schemaVersion version of {@code data}'s schema
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String type, String schemaVersion, Object data) {
        Instant now = Instant.now();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "urn:driftwatch:" + topic);
        event.put("type", type);
        event.put("subject", key);
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        event.put("schemaversion", schemaVersion);
        event.put("data", data);
        OutboxEventEntity row = new OutboxEventEntity();
        row.topic = topic;
        row.messageKey = key;
        row.eventType = type;
        row.payload = json(event);
        row.createdAt = now;
        row.persist();
    }

    private String json(Map<String, Object> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be serialised", e);
        }
    }
}
