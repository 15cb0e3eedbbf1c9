package dev.driftwatch.ticket;

/** Where a ticket stands in its own system, as a sink reads it. */
public enum TicketState {
    /** Open (whatever its workflow step): driftwatch may comment on it. */
    OPEN,
    /** Closed by a person while the finding is open: not reopened; the next material change opens a new ticket. */
    CLOSED,
    /**
     * Closed as "won't do" (a configured Jira resolution or ServiceNow close code, GitHub's {@code not_planned}): a
     * decision about the finding as the ticket told it, left alone until the finding itself changes.
     */
    WONT_DO
}
