package dev.driftwatch.ticket;

import java.time.Instant;

/**
 * {@code data} of a {@link TicketEvent}: one action on one ticket and how it ended ({@code
 * docs/events/driftwatch.tickets.schema.json}: a field added here is added there, with a minor version step).
 *
 * @param error the ticket system's message when it refused the action; null otherwise
 */
public record TicketChange(
        long ticketId,
        long actionId,
        ActionKind action,
        ActionStatus outcome,
        String fingerprint,
        String sink,
        String externalId,
        String url,
        TicketStatus status,
        long findingId,
        int findingVersion,
        Long previousTicketId,
        int attempts,
        String error,
        Instant at) {

    static TicketChange of(TicketEntity ticket, TicketActionEntity action, Instant at) {
        return new TicketChange(
                ticket.id,
                action.id,
                action.action,
                action.status,
                ticket.fingerprint,
                ticket.sink,
                ticket.externalId,
                ticket.url,
                ticket.status,
                ticket.findingId,
                action.findingVersion,
                ticket.previousTicketId,
                action.attempts,
                action.lastError,
                at);
    }
}
