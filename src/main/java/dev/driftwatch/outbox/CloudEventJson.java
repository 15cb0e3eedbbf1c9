package dev.driftwatch.outbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 structured JSON message, attribute by attribute in the order they are written.
 * {@code schemaversion} is an extension attribute: the version of {@code data}'s schema.
 */
record CloudEventJson(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String schemaversion,
        Object data) {

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    /** As read: {@code data} still as JSON, to be bound to the record its format names. */
    record Read(
            String specversion,
            String id,
            String source,
            String type,
            String subject,
            String time,
            String datacontenttype,
            String schemaversion,
            JsonNode data) {}
}
