package dev.driftwatch.ticket;

/**
 * What an action writes: a new ticket's title and body, or a comment's body (no title). Stored with the action,
 * so a retry writes exactly what was decided.
 */
public record TicketText(String title, String body) {}
