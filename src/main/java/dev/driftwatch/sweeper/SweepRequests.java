package dev.driftwatch.sweeper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * What people ask of the sweeper through the API: a sweep now, approving a capped plan (an approver other than
 * whoever asked for the sweep), keeping one resource out of a plan not yet deleting.
 */
@ApplicationScoped
public class SweepRequests {

    private final SweepStore store;
    private final SweepQueries queries;
    private final SandboxAccounts sandboxes;
    private final SweeperConfig config;
    private final Clock clock;

    SweepRequests(
            SweepStore store, SweepQueries queries, SandboxAccounts sandboxes, SweeperConfig config, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.sandboxes = sandboxes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Queues a sweep of the account. An account that is not a listed sandbox is queued too, and refused by the
     * worker before any call, so the refusal is recorded, counted and alerted on like any other.
     *
     * @param dryRun a dry run asked for even where the sweeper deletes; it never makes one delete where the
     *     configuration says dry run
     */
    public SweepView request(String account, boolean dryRun, String requestedBy) {
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account: a 12-digit AWS account id is required, was " + account);
        }
        return queries.find(store.queue(account, requestedBy, dryRun || config.dryRun()).id)
                .orElseThrow();
    }

    @Transactional
    public SweepView approve(long id, String approver) {
        SweepEntity sweep = sweep(id);
        if (sweep.status != SweepStatus.CAPPED) {
            throw new SweepRefused(
                    SweepRefused.Kind.CONFLICT,
                    "Sweep " + id + " is " + sweep.status + "; only a plan stopped by the cap (CAPPED) is approved");
        }
        if (approver.equals(sweep.requestedBy)) {
            throw new SweepRefused(
                    SweepRefused.Kind.NOT_ALLOWED, approver + " asked for sweep " + id + " and cannot approve it too");
        }
        if (sandboxes.find(sweep.account).isEmpty()) {
            throw new SweepRefused(SweepRefused.Kind.CONFLICT, sweep.account + " is no longer a listed sandbox");
        }
        sweep.status = SweepStatus.APPROVED;
        sweep.approvedBy = approver;
        sweep.approvedAt = clock.instant();
        return queries.view(sweep);
    }

    /** Keeps one resource of a plan that has not started deleting. */
    @Transactional
    public SweepItemView keep(long id, String type, String resourceId, String by) {
        SweepEntity sweep = sweep(id);
        if (sweep.status != SweepStatus.CAPPED && sweep.status != SweepStatus.APPROVED) {
            throw new SweepRefused(
                    SweepRefused.Kind.CONFLICT,
                    "Sweep " + id + " is " + sweep.status
                            + "; a resource is kept out of a plan waiting for approval (CAPPED or APPROVED); tag it "
                            + String.join(", ", config.protectTags()) + " to keep it from every sweep");
        }
        SweepItemEntity item = SweepItemEntity.<SweepItemEntity>find(
                        "sweepId = ?1 and resourceType = ?2 and resourceId = ?3", id, type, resourceId)
                .firstResultOptional()
                .orElseThrow(() -> new SweepRefused(
                        SweepRefused.Kind.NOT_FOUND, "Sweep " + id + " has no " + type + " " + resourceId));
        if (item.outcome != null) {
            throw new SweepRefused(
                    SweepRefused.Kind.CONFLICT, type + " " + resourceId + " was " + item.outcome + " by sweep " + id);
        }
        item.decision = SweepDecision.KEPT_ON_REQUEST;
        item.reason = "kept by " + by;
        return SweepItemView.of(item);
    }

    private static SweepEntity sweep(long id) {
        return SweepEntity.<SweepEntity>findByIdOptional(id)
                .orElseThrow(() -> new SweepRefused(SweepRefused.Kind.NOT_FOUND, "No sweep " + id));
    }
}
