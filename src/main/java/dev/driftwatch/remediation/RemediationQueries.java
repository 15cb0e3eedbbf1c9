package dev.driftwatch.remediation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remediations as the API lists and shows them. */
@ApplicationScoped
public class RemediationQueries {

    /** {@code null} fields do not filter. */
    public record Filter(RemediationStatus status, String action, String account, Long findingId) {}

    /** One step of a timeline. */
    public record TimelineStep(Instant at, String step, String actor, String detail) {}

    /** A remediation with its timeline, oldest step first. */
    public record Detail(RemediationView remediation, List<TimelineStep> timeline) {}

    /** Newest first, one page: {@code limit} from {@code offset}. */
    @Transactional
    public List<RemediationView> find(Filter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.account() != null) {
            where.add("account = :account");
            parameters.and("account", filter.account());
        }
        if (filter.findingId() != null) {
            where.add("findingId = :finding");
            parameters.and("finding", filter.findingId());
        }
        Sort newestFirst = Sort.by("id").descending();
        PanacheQuery<RemediationEntity> query = where.isEmpty()
                ? RemediationEntity.findAll(newestFirst)
                : RemediationEntity.find(String.join(" and ", where), newestFirst, parameters);
        return query.range(offset, offset + limit - 1).stream()
                .map(RemediationView::of)
                .toList();
    }

    @Transactional
    public Optional<Detail> detail(long id) {
        RemediationEntity row = RemediationEntity.findById(id);
        if (row == null) {
            return Optional.empty();
        }
        List<RemediationStepEntity> steps = RemediationStepEntity.list("remediationId", Sort.by("id"), id);
        return Optional.of(new Detail(
                RemediationView.of(row),
                steps.stream()
                        .map(s -> new TimelineStep(s.at, s.step, s.actor, s.detail))
                        .toList()));
    }
}
