package dev.driftwatch.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** What an operator does with events parked as dead: look, send again, or drop so its key moves on. */
@ApplicationScoped
public class DeadEvents {

    private static final Logger LOG = Logger.getLogger(DeadEvents.class);

    /** What became of an operator's request about one event. */
    public enum Outcome {
        DONE,
        NOT_FOUND,
        NOT_DEAD
    }

    private final OutboxRelay relay;

    DeadEvents(OutboxRelay relay) {
        this.relay = relay;
    }

    @Transactional
    public List<DeadEventView> list() {
        return OutboxEventEntity.<OutboxEventEntity>find("deadAt is not null", Sort.ascending("id")).list().stream()
                .map(DeadEventView::of)
                .toList();
    }

    /** Sends it again (after e.g. raising the broker's size limit): it counts refusals from zero. */
    public Outcome retry(long id) {
        Outcome outcome = change(id, row -> {
            row.deadAt = null;
            row.failures = 0;
        });
        if (outcome == Outcome.DONE) {
            LOG.infof("Dead outbox event %d sent again on request", id);
            relay.nudge();
        }
        return outcome;
    }

    /** Deletes it for good: the events of its key behind it are sent. */
    public Outcome drop(long id) {
        Outcome outcome = change(id, OutboxEventEntity::delete);
        if (outcome == Outcome.DONE) {
            LOG.warnf("Dead outbox event %d dropped on request", id);
            relay.nudge();
        }
        return outcome;
    }

    private static Outcome change(long id, Consumer<OutboxEventEntity> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<OutboxEventEntity> row = OutboxEventEntity.findByIdOptional(id);
            if (row.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            if (row.get().deadAt == null) {
                return Outcome.NOT_DEAD;
            }
            change.accept(row.get());
            return Outcome.DONE;
        });
    }
}
