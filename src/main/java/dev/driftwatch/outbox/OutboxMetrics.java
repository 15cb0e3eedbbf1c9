package dev.driftwatch.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The outbox as alerts see it, recounted from the database after each relay round (so every replica
 * reports the same figures): {@code driftwatch_outbox_pending_events}, {@code driftwatch_outbox_dead_events},
 * {@code driftwatch_outbox_oldest_pending_age_seconds} (0 when nothing waits).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final String COUNT = "select count(*) filter (where dead_at is null),"
            + " count(*) filter (where dead_at is not null), min(created_at) filter (where dead_at is null)"
            + " from outbox_event where published_at is null";

    private record Backlog(long pending, long dead, Instant oldestPending) {}

    private final Clock clock;
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(new Backlog(0, 0, null));
    private final AtomicBoolean stale = new AtomicBoolean();

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("driftwatch.outbox.pending.events", backlog, b -> b.get().pending())
                .description("Events waiting in the outbox for Kafka, dead ones not included")
                .register(registry);
        Gauge.builder("driftwatch.outbox.dead.events", backlog, b -> b.get().dead())
                .description("Events Kafka refused for good, parked until retried or dropped (/api/outbox/dead)")
                .register(registry);
        Gauge.builder(
                        "driftwatch.outbox.oldest.pending.age",
                        backlog,
                        b -> ageSeconds(b.get().oldestPending()))
                .description("Age of the oldest event waiting for Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A failed refresh keeps the last figures; that they are stale is logged once, not after every relay round. */
    void refreshQuietly() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) OutboxEventEntity.getEntityManager()
                    .createNativeQuery(COUNT)
                    .getSingleResult());
            backlog.set(new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), instant(row[2])));
            if (stale.compareAndSet(true, false)) {
                LOG.info("Outbox figures refreshed again");
            }
        } catch (RuntimeException e) {
            if (stale.compareAndSet(false, true)) {
                LOG.warnf("Outbox figures not refreshed, the gauges show the last ones read: %s", e.getMessage());
            }
        }
    }

    private double ageSeconds(Instant oldest) {
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
