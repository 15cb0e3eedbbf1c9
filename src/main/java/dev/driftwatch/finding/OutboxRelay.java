package dev.driftwatch.finding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and marks each one published once Kafka acknowledged it.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never publish the same row, and a
 * row whose send failed stays in the outbox for the next round: a Kafka outage delays events, it never
 * drops them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = "select * from outbox_event where published_at is null order by id"
            + " limit :limit for update skip locked";

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));

    OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        executor.scheduleWithFixedDelay(this::drain, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Ask for a round now rather than at the next tick, e.g. right after a scan committed. */
    public void nudge() {
        executor.execute(this::drain);
    }

    private void drain() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed, retrying in %s: %s", config.pollInterval(), e.getMessage());
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
                row.publishedAt = Instant.now();
                published++;
            } catch (Exception e) {
                row.attempts++;
                row.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        if (published < batch.size()) {
            LOG.warnf("Kafka took %d of %d events; the rest stay in the outbox", published, batch.size());
        }
        return published;
    }

    private static Message<String> toMessage(OutboxEventEntity row) {
        return Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .build());
    }
}
