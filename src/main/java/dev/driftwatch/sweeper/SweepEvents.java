package dev.driftwatch.sweeper;

import dev.driftwatch.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Publishes a sweep's steps on {@code driftwatch.sweeps} through the outbox, as the sweep stands now. */
@ApplicationScoped
public class SweepEvents {

    private final Outbox outbox;
    private final SweepQueries queries;

    SweepEvents(Outbox outbox, SweepQueries queries) {
        this.outbox = outbox;
        this.queries = queries;
    }

    @Transactional
    public void publish(SweepEvent.Step step, long sweepId) {
        outbox.enqueue(new SweepEvent(step, queries.find(sweepId).orElseThrow()));
    }
}
