package dev.driftwatch.ticket;

import java.util.Locale;

/** What a queued action does in the ticket system. */
public enum ActionKind {
    CREATE,
    COMMENT,
    CLOSE;

    /** As metrics and event types name it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
