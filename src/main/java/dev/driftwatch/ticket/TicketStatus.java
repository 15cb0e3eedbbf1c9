package dev.driftwatch.ticket;

/** Where a ticket stands, as driftwatch knows it. */
public enum TicketStatus {
    /** Opened (or being opened) for an open finding. */
    OPEN,
    /** Closed by driftwatch: the finding resolved. */
    CLOSED,
    /** A person closed it while the finding was open: left alone; a material change opens a new, linked one. */
    CLOSED_BY_PERSON
}
