package dev.driftwatch.ticket;

import java.util.Optional;

/**
 * A ticket system. Each call either succeeds, or throws {@link TicketSinkException} saying whether it may be
 * tried again; a sink keeps no state of its own (the queue in PostgreSQL does), and never puts its credentials in
 * an exception's message.
 */
public interface TicketSink {

    /**
     * A ticket to open; {@code ticketId} is driftwatch's id, part of the marker that finds it again.
     *
     * @param severity the finding's severity as driftwatch names it ({@code high}); null when unknown
     * @param resource {@code account/region/type/id}, for systems that want a source
     * @param target the route's overrides of the sink's own settings (never null)
     */
    record NewTicket(
            long ticketId,
            String fingerprint,
            String title,
            String body,
            String severity,
            String resource,
            TicketTarget target) {

        public NewTicket {
            target = target == null ? TicketTarget.NONE : target;
        }

        /** The label or key that marks every ticket of the finding: {@code driftwatch-<first 12 of fingerprint>}. */
        public String marker() {
            return "driftwatch-" + fingerprint.substring(0, Math.min(12, fingerprint.length()));
        }

        /** A line in the body that tells this ticket from earlier ones of the same finding. */
        public String ticketLine() {
            return "driftwatch ticket " + ticketId + ", fingerprint " + fingerprint;
        }
    }

    /**
     * A ticket the system holds: its id there, and what a system that keeps no ticket of its own (PagerDuty's
     * events) needs to send again.
     */
    record Existing(
            String externalId,
            String fingerprint,
            String title,
            String severity,
            String resource,
            TicketTarget target) {

        public Existing {
            target = target == null ? TicketTarget.NONE : target;
        }

        /** Only the id, for the systems that need nothing else. */
        public static Existing of(String externalId) {
            return new Existing(externalId, null, null, null, null, TicketTarget.NONE);
        }
    }

    /** The ticket as the system knows it: its id or key, and a link for people (null when it has none). */
    record Created(String externalId, String url) {}

    Created create(NewTicket ticket);

    void comment(Existing ticket, String body);

    /** Closes the ticket; one a person closed already is left as they closed it. */
    void close(Existing ticket);

    /**
     * Where the ticket stands in its system: open, closed by a person, or closed as "won't do". Asked before
     * commenting, so a ticket a person closed is not written to again. A failed read throws (retried), never says
     * closed. Systems driftwatch cannot read say open.
     */
    default TicketState state(Existing ticket) {
        return TicketState.OPEN;
    }

    /**
     * The ticket opened for {@code ticket} by an earlier attempt whose answer was lost (a timeout after the system
     * had created it), found by its marker; empty when there is none, so creating it is safe.
     */
    Optional<Created> find(NewTicket ticket);
}
