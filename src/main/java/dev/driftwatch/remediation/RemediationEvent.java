package dev.driftwatch.remediation;

import dev.driftwatch.outbox.DriftwatchEvent;
import dev.driftwatch.outbox.EventFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A remediation's step on {@code driftwatch.remediations} (schema:
 * {@code docs/events/driftwatch.remediations.schema.json}), keyed by the finding's fingerprint so the steps of
 * one finding's remediations stay in order.
 */
public record RemediationEvent(Step step, RemediationView data) implements DriftwatchEvent {

    public static final String TOPIC = "driftwatch.remediations";
    public static final String SCHEMA_VERSION = "1";

    public static final EventFormat<RemediationEvent, RemediationView> FORMAT = new EventFormat<>(
            TOPIC,
            Arrays.stream(Step.values()).map(Step::type).collect(Collectors.toSet()),
            SCHEMA_VERSION,
            RemediationView.class,
            (type, data) -> new RemediationEvent(Step.ofType(type), data));

    /** What happened; each is a CloudEvents type and a step of the timeline. */
    public enum Step {
        PLANNED("planned"),
        AWAITING_APPROVAL("awaiting-approval"),
        APPROVED("approved"),
        REJECTED("rejected"),
        EXPIRED("expired"),
        /** Everything but the write happened; {@code plannedCall} is what would have been written. */
        DRY_RUN("dry-run"),
        APPLIED("applied"),
        VERIFIED("verified"),
        FAILED("failed"),
        SKIPPED("skipped");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        /** As the timeline shows it. */
        public String label() {
            return label;
        }

        public String type() {
            return "remediation." + label;
        }

        static Step ofType(String type) {
            return Arrays.stream(values())
                    .filter(s -> s.type().equals(type))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a remediation event type: " + type));
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return step.type();
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
