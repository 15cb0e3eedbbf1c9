package dev.driftwatch.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Writes events as CloudEvents 1.0 structured JSON and reads them back into their records, so producer and
 * consumers share one definition and no consumer digs through JSON by hand. Reading fails closed: another
 * spec version, a type the format does not carry, another major schema version or a {@code data} that does
 * not bind is refused ({@link UnreadableEventException}), never half read.
 */
public final class EventCodec {

    private static final String SOURCE_PREFIX = "urn:driftwatch:";

    private final ObjectMapper mapper;

    /** With the service's mapper, so {@code data} is written as the API writes the same records. */
    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** For consumers outside the service: the same settings as the service's mapper where they matter. */
    public static EventCodec standalone() {
        return new EventCodec(JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    public String write(DriftwatchEvent event, UUID id, Instant time) {
        CloudEventJson json = new CloudEventJson(
                CloudEventJson.SPEC_VERSION,
                id.toString(),
                SOURCE_PREFIX + event.topic(),
                event.type(),
                event.key(),
                time.toString(),
                CloudEventJson.CONTENT_TYPE,
                event.schemaVersion(),
                event.data());
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be serialised", e);
        }
    }

    public <E extends DriftwatchEvent, D extends Record> ReceivedEvent<E> read(
            String message, EventFormat<E, D> format) {
        CloudEventJson.Read json;
        try {
            json = mapper.readValue(message, CloudEventJson.Read.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("Not a CloudEvents JSON message: " + e.getOriginalMessage(), e);
        }
        if (!CloudEventJson.SPEC_VERSION.equals(json.specversion())) {
            throw new UnreadableEventException("CloudEvents spec version " + json.specversion() + " is not 1.0");
        }
        if (!format.types().contains(json.type())) {
            throw new UnreadableEventException("Type " + json.type() + " is not one of " + format.topic() + "'s");
        }
        if (!format.reads(json.schemaversion())) {
            throw new UnreadableEventException(json.type() + " schema version " + json.schemaversion()
                    + " cannot be read by a consumer of version " + format.schemaVersion());
        }
        if (json.data() == null || !json.data().isObject()) {
            throw new UnreadableEventException(json.type() + " " + json.id() + " has no data");
        }
        try {
            D data = mapper.treeToValue(json.data(), format.dataClass());
            return new ReceivedEvent<>(
                    json.id(),
                    json.source(),
                    json.type(),
                    json.subject(),
                    Instant.parse(json.time()),
                    json.specversion(),
                    json.schemaversion(),
                    format.create().apply(json.type(), data));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new UnreadableEventException(json.type() + " " + json.id() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
