package dev.driftwatch.ticket;

import dev.driftwatch.outbox.DriftwatchEvent;
import dev.driftwatch.outbox.EventFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A ticket action done or refused, on {@code driftwatch.tickets} (schema:
 * {@code docs/events/driftwatch.tickets.schema.json}), keyed by the finding's fingerprint so one finding's ticket
 * actions stay in order.
 */
public record TicketEvent(Kind kind, TicketChange data) implements DriftwatchEvent {

    public static final String TOPIC = "driftwatch.tickets";
    public static final String SCHEMA_VERSION = "1.1";

    public static final EventFormat<TicketEvent, TicketChange> FORMAT = new EventFormat<>(
            TOPIC,
            Arrays.stream(Kind.values()).map(Kind::type).collect(Collectors.toSet()),
            SCHEMA_VERSION,
            TicketChange.class,
            (type, data) -> new TicketEvent(Kind.ofType(type), data));

    /** What happened; each is a CloudEvents type. */
    public enum Kind {
        CREATED("ticket.created"),
        COMMENTED("ticket.commented"),
        CLOSED("ticket.closed"),
        /**
         * A person closed the ticket while the finding was open (status {@code CLOSED_BY_PERSON}: a new ticket
         * linking it follows; {@code WONT_DO}: left alone until the finding changes).
         */
        CLOSED_BY_PERSON("ticket.closed-by-person"),
        /** The ticket system refused the action for good (its message in {@code error}). */
        FAILED("ticket.failed");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        static Kind done(ActionKind action) {
            return switch (action) {
                case CREATE -> CREATED;
                case COMMENT -> COMMENTED;
                case CLOSE -> CLOSED;
            };
        }

        static Kind ofType(String type) {
            return Arrays.stream(values())
                    .filter(k -> k.type.equals(type))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a ticket event type: " + type));
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String type() {
        return kind.type();
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
