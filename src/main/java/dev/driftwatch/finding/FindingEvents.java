package dev.driftwatch.finding;

import jakarta.enterprise.context.ApplicationScoped;

/** Finding changes as events on {@code driftwatch.findings}, keyed by fingerprint so one finding's events stay in order. */
@ApplicationScoped
public class FindingEvents {

    public static final String TOPIC = "driftwatch.findings";
    /** Version of the {@code data} schema; raise it on incompatible changes. */
    static final String SCHEMA_VERSION = "1";

    private final Outbox outbox;

    FindingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void opened(FindingEntity finding) {
        enqueue("finding.opened", finding);
    }

    void updated(FindingEntity finding) {
        enqueue("finding.updated", finding);
    }

    void resolved(FindingEntity finding) {
        enqueue("finding.resolved", finding);
    }

    /** Drift accepted as the new baseline: no longer open, and ignored by later scans. */
    void accepted(FindingEntity finding) {
        enqueue("finding.accepted", finding);
    }

    private void enqueue(String type, FindingEntity finding) {
        outbox.enqueue(TOPIC, finding.fingerprint, type, SCHEMA_VERSION, FindingView.of(finding));
    }
}
