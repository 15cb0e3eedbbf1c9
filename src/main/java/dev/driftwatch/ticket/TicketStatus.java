package dev.driftwatch.ticket;

/** Where a ticket stands, as driftwatch knows it. */
public enum TicketStatus {
    /** Opened (or being opened) for an open finding. */
    OPEN,
    /** Closed by driftwatch: the finding resolved. */
    CLOSED,
    /** A person closed it while the finding was open: left alone; a material change opens a new, linked one. */
    CLOSED_BY_PERSON,
    /** A person closed it as "won't do": left alone until the finding changes; then a new, linked one. */
    WONT_DO
}
