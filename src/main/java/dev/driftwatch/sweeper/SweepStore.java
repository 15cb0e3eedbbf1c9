package dev.driftwatch.sweeper;

import dev.driftwatch.lock.TargetLease;
import dev.driftwatch.lock.TargetLock;
import dev.driftwatch.resource.CloudResource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweeps and their items in PostgreSQL. Queued sweeps are taken by one replica each ({@code for update skip
 * locked}); every write of a running sweep presents its target lease, so a replica that lost the account's lock
 * records nothing more.
 */
@ApplicationScoped
public class SweepStore {

    private final TargetLock lock;
    private final Clock clock;

    SweepStore(TargetLock lock, Clock clock) {
        this.lock = lock;
        this.clock = clock;
    }

    /** A sweep of the account, unless one of the same kind (dry run or not) is queued already: then that one. */
    @Transactional
    public SweepEntity queue(String account, String requestedBy, boolean dryRun) {
        Optional<SweepEntity> waiting = SweepEntity.<SweepEntity>find(
                        "account = ?1 and status = ?2 and dryRun = ?3", account, SweepStatus.QUEUED, dryRun)
                .firstResultOptional();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        SweepEntity sweep = new SweepEntity();
        sweep.account = account;
        sweep.status = SweepStatus.QUEUED;
        sweep.dryRun = dryRun;
        sweep.requestedBy = requestedBy;
        sweep.gaps = List.of();
        sweep.createdAt = clock.instant();
        sweep.persist();
        return sweep;
    }

    /** The oldest sweep waiting for a worker (queued, or approved to go on), now this replica's. */
    @Transactional
    public Optional<SweepEntity> take() {
        List<?> ids = Panache.getEntityManager()
                .createNativeQuery("select id from sweep where status in ('QUEUED', 'APPROVED') order by id limit 1"
                        + " for update skip locked")
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        SweepEntity sweep = SweepEntity.findById(((Number) ids.get(0)).longValue());
        sweep.status = sweep.status == SweepStatus.QUEUED ? SweepStatus.PLANNING : SweepStatus.DELETING;
        return Optional.of(sweep);
    }

    @Transactional
    public void refused(long id, Refusal refusal) {
        end(id, SweepStatus.REFUSED, refusal.message());
    }

    @Transactional
    public SweepEntity planned(long id, SweepPlan plan, SweepStatus status, String reason, TargetLease lease) {
        lock.verify(lease);
        SweepEntity sweep = SweepEntity.findById(id);
        Instant now = clock.instant();
        for (PlannedItem planned : plan.items()) {
            CloudResource r = planned.resource();
            SweepItemEntity item = new SweepItemEntity();
            item.sweepId = id;
            item.region = r.region();
            item.resourceType = r.type();
            item.resourceId = r.id();
            item.arn = r.arn();
            item.decision = planned.verdict().decision();
            item.reason = planned.verdict().reason();
            item.resource = stored(r);
            item.firstSeen = planned.firstSeen();
            item.persist();
        }
        sweep.gaps = plan.gaps();
        sweep.plannedAt = now;
        sweep.status = status;
        sweep.reason = reason;
        if (status.ended()) {
            sweep.finishedAt = now;
        }
        return sweep;
    }

    /** The items still to delete: planned {@code DELETE} and not yet acted on. */
    @Transactional
    public List<SweepItemEntity> toDelete(long id) {
        return SweepItemEntity.list(
                "sweepId = ?1 and decision = ?2 and outcome is null order by id", id, SweepDecision.DELETE);
    }

    /** The items recorded deleted, to verify. */
    @Transactional
    public List<SweepItemEntity> deleted(long id) {
        return SweepItemEntity.list("sweepId = ?1 and outcome = ?2 order by id", id, ItemOutcome.DELETED);
    }

    @Transactional
    public void acted(long itemId, ItemOutcome outcome, int attempts, String error, TargetLease lease) {
        lock.verify(lease);
        SweepItemEntity item = SweepItemEntity.findById(itemId);
        item.outcome = outcome;
        item.attempts = attempts;
        item.lastError = error;
        item.actedAt = clock.instant();
    }

    @Transactional
    public SweepEntity end(long id, SweepStatus status, String reason) {
        SweepEntity sweep = SweepEntity.findById(id);
        sweep.status = status;
        sweep.reason = reason;
        sweep.finishedAt = clock.instant();
        return sweep;
    }

    /** When each account's last sweep ended well (completed, or a dry run's plan made). */
    @Transactional
    public Map<String, Instant> lastSuccesses() {
        Map<String, Instant> last = new HashMap<>();
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery(
                        "select s.account, max(s.finishedAt) from SweepEntity s where s.status in ?1 group by s.account",
                        Object[].class)
                .setParameter(1, List.of(SweepStatus.COMPLETED, SweepStatus.PLANNED))
                .getResultList();
        rows.forEach(cells -> last.put((String) cells[0], (Instant) cells[1]));
        return last;
    }

    /** The resource as a deleter gets it again: what the plan read. */
    static CloudResource resourceOf(SweepEntity sweep, SweepItemEntity item) {
        Object created = item.resource.get("createdAt");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) item.resource.getOrDefault("attributes", Map.of());
        return new CloudResource(
                item.resourceType,
                item.resourceId,
                sweep.account,
                item.region,
                item.arn,
                attributes,
                created == null ? null : Instant.parse(created.toString()));
    }

    private static Map<String, Object> stored(CloudResource r) {
        Map<String, Object> stored = new HashMap<>();
        stored.put("attributes", r.attributes());
        stored.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        return stored;
    }
}
