package dev.driftwatch.outbox;

/**
 * An event driftwatch publishes through the {@link Outbox}: a record per event family ({@code finding.*},
 * {@code scan.requested}, later {@code remediation.*}, {@code ticket.*}, {@code sweep.*}, {@code audit.*}),
 * serialised as a CloudEvents 1.0 structured JSON message whose {@code data} is {@link #data()}. Each topic's
 * JSON Schema is in {@code docs/events/}; consumers read events back into the same records with
 * {@link EventCodec#read(String, EventFormat)}.
 */
public interface DriftwatchEvent {

    /** Kafka topic, e.g. {@code driftwatch.findings}. */
    String topic();

    /** CloudEvents {@code type}, e.g. {@code finding.opened}. */
    String type();

    /** Kafka key and CloudEvents {@code subject}: the events of one key stay in order. */
    String key();

    /**
     * Version of {@code data}'s schema, {@code MAJOR} or {@code MAJOR.MINOR}: a minor step only adds optional
     * fields, a major step is anything a consumer of the previous version could misread.
     */
    String schemaVersion();

    /** CloudEvents {@code data}: a record whose components are the schema's {@code data} properties. */
    Record data();
}
