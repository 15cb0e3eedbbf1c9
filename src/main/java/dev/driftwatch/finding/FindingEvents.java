package dev.driftwatch.finding;

import dev.driftwatch.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Finding changes as {@link FindingEvent}s into the outbox, in the transaction that makes the change. */
@ApplicationScoped
public class FindingEvents {

    private final Outbox outbox;

    FindingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void opened(FindingEntity finding) {
        enqueue(FindingEvent.Change.OPENED, finding);
    }

    void updated(FindingEntity finding) {
        enqueue(FindingEvent.Change.UPDATED, finding);
    }

    void resolved(FindingEntity finding) {
        enqueue(FindingEvent.Change.RESOLVED, finding);
    }

    /** Drift accepted as the new baseline: no longer open, and ignored by later scans. */
    void accepted(FindingEntity finding) {
        enqueue(FindingEvent.Change.ACCEPTED, finding);
    }

    private void enqueue(FindingEvent.Change change, FindingEntity finding) {
        outbox.enqueue(new FindingEvent(change, FindingView.of(finding)));
    }
}
