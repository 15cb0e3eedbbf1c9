package dev.driftwatch.ticket;

/** A queued action's state: waiting (maybe for a retry), done, or refused by the ticket system for good. */
public enum ActionStatus {
    PENDING,
    DONE,
    FAILED
}
