package dev.driftwatch.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What an action writes: a new ticket's title and body, or a comment's body (no title). Stored with the action,
 * so a retry writes exactly what was decided.
 *
 * @param target where a CREATE opens the ticket (its route's overrides); null on comments and closes
 */
public record TicketText(String title, String body, TicketTarget target) {

    /** The one Jackson reads stored payloads with (those stored before targets existed have none). */
    @JsonCreator
    public TicketText {}

    public TicketText(String title, String body) {
        this(title, body, null);
    }

    TicketText to(TicketTarget where) {
        return new TicketText(title, body, where);
    }
}
