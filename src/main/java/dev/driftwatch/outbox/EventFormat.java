package dev.driftwatch.outbox;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * How to read one topic's events back into their record: the CloudEvents types it carries, the class of
 * their {@code data}, and the schema version this code was written for.
 *
 * @param schemaVersion the version the producer writes; events of the same major version are read (later minor
 *                      versions only add fields, which are ignored), any other major version is refused
 * @param create        builds the event from its CloudEvents {@code type} and its {@code data}
 */
public record EventFormat<E extends DriftwatchEvent, D extends Record>(
        String topic, Set<String> types, String schemaVersion, Class<D> dataClass, BiFunction<String, D, E> create) {

    public EventFormat {
        types = Set.copyOf(types);
    }

    /** Whether an event of {@code version} can be read as this format's records. */
    public boolean reads(String version) {
        return version != null && major(version).equals(major(schemaVersion));
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
