package dev.driftwatch.finding;

import dev.driftwatch.drift.IgnoreRule;
import dev.driftwatch.drift.IgnoreRuleSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Today's drift accepted as a baseline (driftctl's gen-driftignore, kept in the database): accepted
 * findings leave OPEN at once for ACCEPTED, with a {@code finding.accepted} event, and their resources or
 * diffed attribute paths become ignore rules for later scans. Drift on other attributes is still reported.
 */
@ApplicationScoped
public class AcceptedDrift implements IgnoreRuleSource {

    /** Which open drift findings to accept; a {@code null} field matches everything. */
    public record Filter(String account, String region, String type, FindingKind kind) {

        public Filter {
            if (kind == FindingKind.VIOLATION) {
                throw new IllegalArgumentException(
                        "kind: only drift (CHANGED, UNMANAGED, MISSING) can be accepted; waive a"
                                + " VIOLATION with POST /api/waivers");
            }
        }
    }

    private final FindingEvents events;
    private final Clock clock;

    AcceptedDrift(FindingEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A scan writing the same findings meanwhile makes it run again on what the scan wrote: neither is lost. */
    public List<AcceptedDriftView> accept(Filter filter, String reason, String acceptedBy) {
        requireText("reason", reason);
        requireText("acceptedBy", acceptedBy);
        return ConcurrentFindingUpdates.inNewTransaction(
                "Accepting drift", () -> acceptOpen(filter, reason, acceptedBy));
    }

    private List<AcceptedDriftView> acceptOpen(Filter filter, String reason, String acceptedBy) {
        Instant now = clock.instant();
        List<AcceptedDriftView> accepted = new ArrayList<>();
        for (FindingEntity finding : openDrift(filter)) {
            List<String> paths = finding.kind == FindingKind.CHANGED
                    ? finding.diffs.stream().map(d -> d.path()).distinct().toList()
                    : Arrays.asList((String) null);
            for (String path : paths) {
                accepted.add(AcceptedDriftView.of(record(finding, path, reason, acceptedBy, now)));
            }
            finding.status = FindingStatus.ACCEPTED;
            finding.version++;
            events.accepted(finding);
        }
        return accepted;
    }

    public List<AcceptedDriftView> active() {
        return AcceptedDriftEntity.<AcceptedDriftEntity>list("revokedAt is null", Sort.by("id")).stream()
                .map(AcceptedDriftView::of)
                .toList();
    }

    /** Un-accepts one entry: from the next scan its drift is reported again. The row stays, marked revoked. */
    @Transactional
    public boolean revoke(long id) {
        AcceptedDriftEntity entry = AcceptedDriftEntity.findById(id);
        if (entry == null || entry.revokedAt != null) {
            return false;
        }
        entry.revokedAt = clock.instant();
        return true;
    }

    @Override
    public List<IgnoreRule> rules() {
        return QuarkusTransaction.requiringNew()
                .call(() -> AcceptedDriftEntity.<AcceptedDriftEntity>list("revokedAt is null", Sort.by("id")).stream()
                        .map(AcceptedDrift::rule)
                        .toList());
    }

    private static IgnoreRule rule(AcceptedDriftEntity e) {
        List<String> path = e.attributePath == null ? List.of() : List.of(e.attributePath.split("\\."));
        return new IgnoreRule(
                "accepted drift #" + e.id, false, e.resourceType, e.resourceId, path, e.account, e.region);
    }

    private static List<FindingEntity> openDrift(Filter filter) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        where.add("status = :status and kind in :kinds");
        params.put("status", FindingStatus.OPEN);
        params.put(
                "kinds",
                filter.kind() == null
                        ? List.of(FindingKind.CHANGED, FindingKind.UNMANAGED, FindingKind.MISSING)
                        : List.of(filter.kind()));
        add(where, params, "account", filter.account());
        add(where, params, "region", filter.region());
        add(where, params, "resourceType", filter.type());
        return FindingEntity.list(where.toString(), Sort.by("id"), params);
    }

    private static void add(StringJoiner where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    private static AcceptedDriftEntity record(
            FindingEntity finding, String path, String reason, String acceptedBy, Instant now) {
        AcceptedDriftEntity entry = new AcceptedDriftEntity();
        entry.account = finding.account;
        entry.region = finding.region;
        entry.resourceType = finding.resourceType;
        entry.resourceId = finding.resourceId;
        entry.attributePath = path;
        entry.findingId = finding.id;
        entry.reason = reason.strip();
        entry.acceptedBy = acceptedBy.strip();
        entry.acceptedAt = now;
        entry.persist();
        return entry;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required: say who accepts this drift and why");
        }
    }
}
