package dev.driftwatch.ticket;

import java.util.Optional;

/**
 * A ticket system. Each call either succeeds, or throws {@link TicketSinkException} saying whether it may be
 * tried again; a sink keeps no state of its own (the queue in PostgreSQL does), and never puts its credentials in
 * an exception's message.
 */
public interface TicketSink {

    /** A ticket to open; {@code ticketId} is driftwatch's id, part of the marker that finds it again. */
    record NewTicket(long ticketId, String fingerprint, String title, String body) {

        /** The label or key that marks every ticket of the finding: {@code driftwatch-<first 12 of fingerprint>}. */
        public String marker() {
            return "driftwatch-" + fingerprint.substring(0, Math.min(12, fingerprint.length()));
        }
    }

    /** The ticket as the system knows it: its id or key, and a link for people (null when it has none). */
    record Created(String externalId, String url) {}

    Created create(NewTicket ticket);

    void comment(String externalId, String body);

    void close(String externalId);

    /**
     * Whether the ticket is still open in its system; {@code false} when a person closed it. Asked before
     * commenting, so a ticket a person closed is not written to again. Systems driftwatch cannot read say open.
     */
    default boolean isOpen(String externalId) {
        return true;
    }

    /**
     * The ticket opened for {@code ticket} by an earlier attempt whose answer was lost (a timeout after the system
     * had created it), found by its marker; empty when there is none, so creating it is safe.
     */
    Optional<Created> find(NewTicket ticket);
}
