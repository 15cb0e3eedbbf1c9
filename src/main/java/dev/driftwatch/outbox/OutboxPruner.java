package dev.driftwatch.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes published events older than {@code driftwatch.outbox.retention}. Unpublished and dead events are
 * never deleted here: only an operator drops a dead one.
 */
@ApplicationScoped
public class OutboxPruner {

    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);
    private static final int CHUNK = 10_000;
    private static final String DELETE = "delete from outbox_event where id in (select id from outbox_event"
            + " where published_at is not null and published_at < :cutoff limit " + CHUNK + ")";

    private final OutboxConfig config;
    private final Clock clock;

    OutboxPruner(OutboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @return how many published events were deleted */
    public int prune() {
        Instant cutoff = clock.instant().minus(config.retention());
        int total = 0;
        int deleted;
        do { // in chunks, so a first run over a large table holds no lock for long
            deleted = QuarkusTransaction.requiringNew().call(() -> OutboxEventEntity.getEntityManager()
                    .createNativeQuery(DELETE)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate());
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            LOG.infof("Deleted %d events published before %s", total, cutoff);
        }
        return total;
    }

    void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Published outbox events not pruned, trying again in %s: %s",
                    config.pruneInterval(), e.getMessage());
        }
    }
}
