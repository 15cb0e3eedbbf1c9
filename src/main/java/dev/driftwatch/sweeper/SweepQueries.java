package dev.driftwatch.sweeper;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Sweeps as views, for the API and the events. */
@ApplicationScoped
public class SweepQueries {

    /** A sweep with its report: every resource, and totals by type and outcome. */
    public record Detail(SweepView sweep, Map<String, Map<String, Long>> totalsByType, List<SweepItemView> items) {}

    @Transactional
    public List<SweepView> recent(String account, int offset, int limit) {
        var query = account == null
                ? SweepEntity.<SweepEntity>find("order by id desc")
                : SweepEntity.<SweepEntity>find("account = ?1 order by id desc", account);
        return query.range(offset, offset + limit - 1).list().stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    public Optional<SweepView> find(long id) {
        return SweepEntity.<SweepEntity>findByIdOptional(id).map(this::view);
    }

    @Transactional
    public Optional<Detail> detail(long id) {
        return SweepEntity.<SweepEntity>findByIdOptional(id).map(sweep -> {
            List<SweepItemEntity> items =
                    SweepItemEntity.list("sweepId = ?1 order by resourceType, region, resourceId", id);
            Map<String, Map<String, Long>> byType = new TreeMap<>();
            for (SweepItemEntity item : items) {
                String outcome = item.outcome != null ? item.outcome.name() : item.decision.name();
                byType.computeIfAbsent(item.resourceType, t -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
            }
            return new Detail(
                    view(sweep), byType, items.stream().map(SweepItemView::of).toList());
        });
    }

    /** What became of the resources a sweep meant to delete, by type and outcome. */
    @Transactional
    public Map<String, Map<ItemOutcome, Long>> outcomesByType(long sweepId) {
        Map<String, Map<ItemOutcome, Long>> byType = new TreeMap<>();
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select resource_type, outcome, count(*) from sweep_item where sweep_id = ?1"
                        + " and outcome is not null group by resource_type, outcome")
                .setParameter(1, sweepId)
                .getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            byType.computeIfAbsent((String) cells[0], t -> new TreeMap<>())
                    .put(ItemOutcome.valueOf((String) cells[1]), ((Number) cells[2]).longValue());
        }
        return byType;
    }

    SweepView view(SweepEntity sweep) {
        return new SweepView(
                sweep.id,
                sweep.account,
                sweep.status,
                sweep.dryRun,
                sweep.requestedBy,
                sweep.reason,
                sweep.approvedBy,
                sweep.approvedAt,
                sweep.createdAt,
                sweep.plannedAt,
                sweep.finishedAt,
                sweep.gaps == null ? List.of() : sweep.gaps,
                counts(sweep.id, "decision"),
                counts(sweep.id, "outcome"));
    }

    private static Map<String, Long> counts(long sweepId, String column) {
        Map<String, Long> counts = new TreeMap<>();
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select " + column + ", count(*) from sweep_item where sweep_id = ?1 and " + column
                        + " is not null group by " + column)
                .setParameter(1, sweepId)
                .getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            counts.put((String) cells[0], ((Number) cells[1]).longValue());
        }
        return counts;
    }
}
