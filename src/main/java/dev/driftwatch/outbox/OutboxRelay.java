package dev.driftwatch.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and marks each one published once Kafka acknowledged it.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never publish the same row, and a
 * row whose send failed stays in the outbox for the next round: a Kafka outage delays events, it never
 * drops them. Only the oldest unpublished row of each key is taken, so events of one key stay in order,
 * also behind a row parked as dead (see {@link OutboxConfig#maxAttempts()}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM =
            "select * from outbox_event o where o.published_at is null and o.dead_at is null"
                    + " and not exists (select 1 from outbox_event e where e.published_at is null and e.topic = o.topic"
                    + " and e.message_key = o.message_key and e.id < o.id)"
                    + " order by o.id limit :limit for update of o skip locked";

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final OutboxPruner pruner;
    private final Clock clock;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));

    OutboxRelay(
            @Channel("outbox") MutinyEmitter<String> emitter,
            OutboxConfig config,
            OutboxMetrics metrics,
            OutboxPruner pruner,
            Clock clock) {
        this.emitter = emitter;
        this.config = config;
        this.metrics = metrics;
        this.pruner = pruner;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        requirePositive("driftwatch.outbox.poll-interval", config.pollInterval());
        requirePositive("driftwatch.outbox.prune-interval", config.pruneInterval());
        requirePositive("driftwatch.outbox.retention", config.retention());
        executor.scheduleWithFixedDelay(this::drain, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(
                pruner::pruneQuietly,
                config.pruneInterval().toMillis(),
                config.pruneInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be longer than 0, was " + value);
        }
    }

    /** Ask for a round now rather than at the next tick, e.g. right after a scan committed. */
    public void nudge() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down: the rows wait for the next start
        }
    }

    private void drain() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed, retrying in %s: %s", config.pollInterval(), e.getMessage());
        } finally {
            metrics.refreshQuietly();
        }
    }

    @SuppressWarnings("unchecked")
    private int publishBatch() {
        List<OutboxEventEntity> batch = OutboxEventEntity.getEntityManager()
                .createNativeQuery(CLAIM, OutboxEventEntity.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEventEntity row : batch) {
            acks.add(emitter.sendMessage(toMessage(row)).subscribeAsCompletionStage());
        }
        int published = 0;
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEventEntity row = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                row.publishedAt = clock.instant();
                published++;
            } catch (Exception e) {
                failed(row, e);
            }
        }
        if (published < batch.size()) {
            LOG.warnf("Kafka took %d of %d events; the rest stay in the outbox", published, batch.size());
        }
        return published;
    }

    private void failed(OutboxEventEntity row, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        row.attempts++;
        row.lastError = SendFailures.describe(e);
        if (!SendFailures.permanent(e)) {
            return;
        }
        row.failures++;
        if (row.failures >= config.maxAttempts()) {
            row.deadAt = clock.instant();
            LOG.errorf(
                    "Outbox event %d (%s on %s, key %s) parked as dead after %d refusals; later events of its key"
                            + " wait until it is retried or dropped (/api/outbox/dead): %s",
                    row.id, row.eventType, row.topic, row.messageKey, row.failures, row.lastError);
        }
    }

    private static Message<String> toMessage(OutboxEventEntity row) {
        return Message.of(row.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic)
                        .withKey(row.messageKey)
                        .build());
    }
}
