package dev.driftwatch.finding;

import dev.driftwatch.outbox.DriftwatchEvent;
import dev.driftwatch.outbox.EventFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A finding's change on {@code driftwatch.findings} (schema: {@code docs/events/driftwatch.findings.schema.json}),
 * keyed by fingerprint so one finding's events stay in order. Its {@code data} is the finding as the API shows it.
 */
public record FindingEvent(Change change, FindingView data) implements DriftwatchEvent {

    public static final String TOPIC = "driftwatch.findings";
    /** 1.1 added the optional {@code remediation}. */
    public static final String SCHEMA_VERSION = "1.1";

    public static final EventFormat<FindingEvent, FindingView> FORMAT = new EventFormat<>(
            TOPIC,
            Arrays.stream(Change.values()).map(Change::type).collect(Collectors.toSet()),
            SCHEMA_VERSION,
            FindingView.class,
            (type, data) -> new FindingEvent(Change.ofType(type), data));

    /** What happened to the finding; each is a CloudEvents type. */
    public enum Change {
        OPENED("finding.opened"),
        UPDATED("finding.updated"),
        RESOLVED("finding.resolved"),
        /** Drift accepted as the new baseline: no longer open, and ignored by later scans. */
        ACCEPTED("finding.accepted");

        private final String type;

        Change(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        static Change ofType(String type) {
            return Arrays.stream(values())
                    .filter(c -> c.type.equals(type))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a finding event type: " + type));
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return change.type();
    }

    @Override
    public String key() {
        return data.fingerprint();
    }

    @Override
    public String schemaVersion() {
        return SCHEMA_VERSION;
    }
}
