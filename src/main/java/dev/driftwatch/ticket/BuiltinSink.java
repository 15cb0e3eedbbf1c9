package dev.driftwatch.ticket;

import java.util.Optional;

/**
 * Tickets kept in PostgreSQL only (the {@code ticket} table; {@code GET /api/tickets}): nothing to call, so the
 * {@code ticket} mode works out of the box. Its comments are the queued actions themselves.
 */
final class BuiltinSink implements TicketSink {

    static final String NAME = "builtin";

    @Override
    public Created create(NewTicket ticket) {
        return new Created("DW-" + ticket.ticketId(), null);
    }

    @Override
    public void comment(Existing ticket, String body) {
        // the comment is the action's payload, kept in ticket_action
    }

    @Override
    public void close(Existing ticket) {
        // the ticket row's status is the ticket's status
    }

    @Override
    public Optional<Created> find(NewTicket ticket) {
        return Optional.of(create(ticket)); // the id follows from driftwatch's own: nothing can be created twice
    }
}
