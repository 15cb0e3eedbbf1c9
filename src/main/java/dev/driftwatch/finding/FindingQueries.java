package dev.driftwatch.finding;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** Read side of findings, for the API and for what a scan may conclude. */
@ApplicationScoped
public class FindingQueries {

    /** Filters; a {@code null} field matches everything. */
    public record Filter(FindingKind kind, FindingStatus status, String account, String region, String type) {}

    public List<FindingView> find(Filter filter, int offset, int limit) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        add(where, params, "kind", filter.kind());
        add(where, params, "status", filter.status());
        add(where, params, "account", filter.account());
        add(where, params, "region", filter.region());
        add(where, params, "resourceType", filter.type());
        String query = params.isEmpty() ? "" : where.toString();
        return FindingEntity.<FindingEntity>find(query, Sort.by("id"), params)
                .range(offset, offset + limit - 1)
                .list()
                .stream()
                .map(FindingView::of)
                .toList();
    }

    /** The policies with an open or suppressed violation in this account and region. */
    @Transactional
    public Set<String> policiesWithFindings(String account, String region) {
        return Set.copyOf(FindingEntity.getEntityManager()
                .createQuery(
                        "select distinct f.policyId from FindingEntity f"
                                + " where f.kind = ?1 and f.account = ?2 and f.region = ?3 and f.status in ?4",
                        String.class)
                .setParameter(1, FindingKind.VIOLATION)
                .setParameter(2, account)
                .setParameter(3, region)
                .setParameter(4, List.of(FindingStatus.OPEN, FindingStatus.SUPPRESSED))
                .getResultList());
    }

    public Optional<FindingView> byId(long id) {
        return FindingEntity.<FindingEntity>findByIdOptional(id).map(FindingView::of);
    }

    private static void add(StringJoiner where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
