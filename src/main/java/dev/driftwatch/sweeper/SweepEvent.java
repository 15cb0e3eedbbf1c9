package dev.driftwatch.sweeper;

import dev.driftwatch.outbox.DriftwatchEvent;
import dev.driftwatch.outbox.EventFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A sweep's step on {@code driftwatch.sweeps} (schema: {@code docs/events/driftwatch.sweeps.schema.json}), keyed by
 * the account so one account's sweeps stay in order. The per-resource report is at {@code GET /api/sweeps/{id}}.
 */
public record SweepEvent(Step step, SweepView data) implements DriftwatchEvent {

    public static final String TOPIC = "driftwatch.sweeps";
    public static final String SCHEMA_VERSION = "1";

    public static final EventFormat<SweepEvent, SweepView> FORMAT = new EventFormat<>(
            TOPIC,
            Arrays.stream(Step.values()).map(Step::type).collect(Collectors.toSet()),
            SCHEMA_VERSION,
            SweepView.class,
            (type, data) -> new SweepEvent(Step.ofType(type), data));

    /** What happened; each is a CloudEvents type. */
    public enum Step {
        /** The account failed a guard: nothing was read or deleted. */
        REFUSED("refused"),
        /** The plan is made (in a dry run, that is the end). */
        PLANNED("planned"),
        /** Resources are announced for deletion after the notice period (decision NOTICED in its report). */
        NOTICED("noticed"),
        /** The plan deletes more than the cap: nothing deleted, it waits for an approver. */
        CAPPED("capped"),
        COMPLETED("completed"),
        FAILED("failed");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String type() {
            return "sweep." + label;
        }

        static Step ofType(String type) {
            return Arrays.stream(values())
                    .filter(s -> s.type().equals(type))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a sweep event type: " + type));
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
        return data.account();
    }

    @Override
    public String schemaVersion() {
        return SCHEMA_VERSION;
    }
}
