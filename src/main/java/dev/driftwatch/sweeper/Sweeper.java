package dev.driftwatch.sweeper;

import dev.driftwatch.lock.LockPurpose;
import dev.driftwatch.lock.TargetLease;
import dev.driftwatch.lock.TargetLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs one sweep of one account, holding the account's sweep lock (one run per account across replicas): the
 * guards, the plan, the cap, and, unless it is a dry run, the deletes and the report.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

    private final AccountGuard guard;
    private final SandboxAccounts sandboxes;
    private final SweepPlanner planner;
    private final SweepExecution execution;
    private final SweepStore store;
    private final SweepQueries queries;
    private final SweepMetrics metrics;
    private final TargetLock lock;
    private final SweepEvents events;
    private final SweeperConfig config;

    Sweeper(
            AccountGuard guard,
            SandboxAccounts sandboxes,
            SweepPlanner planner,
            SweepExecution execution,
            SweepStore store,
            SweepQueries queries,
            SweepMetrics metrics,
            TargetLock lock,
            SweepEvents events,
            SweeperConfig config) {
        this.guard = guard;
        this.sandboxes = sandboxes;
        this.planner = planner;
        this.execution = execution;
        this.store = store;
        this.queries = queries;
        this.metrics = metrics;
        this.lock = lock;
        this.events = events;
        this.config = config;
    }

    /** The lock of a sweep of the account: one sweep per account at a time, whatever its regions. */
    static String target(String account) {
        return "sweep:" + account;
    }

    /**
     * Runs a sweep a worker took: a queued one from its start, an approved one from its deletes. The guards are
     * checked first either way.
     */
    public void run(SweepEntity sweep) {
        try {
            lock.whileHolding(target(sweep.account), LockPurpose.SWEEP, HOLDER, lease -> {
                Optional<Refusal> refusal = guard.check(sweep.account);
                if (refusal.isPresent()) {
                    refuse(sweep, refusal.get());
                } else if (sweep.status == SweepStatus.DELETING) {
                    delete(sweep, lease, false); // an approved plan: every resource is read and decided on again
                } else {
                    plan(sweep, lease);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "The sweep %d of %s failed", sweep.id, sweep.account);
            store.end(sweep.id, SweepStatus.FAILED, e.getMessage());
            metrics.ended(SweepStatus.FAILED);
            events.publish(SweepEvent.Step.FAILED, sweep.id);
        }
    }

    private void refuse(SweepEntity sweep, Refusal refusal) {
        LOG.warnf("Sweep %d refused: %s", sweep.id, refusal.message());
        metrics.refused(refusal.reason());
        store.refused(sweep.id, refusal);
        metrics.ended(SweepStatus.REFUSED);
        events.publish(SweepEvent.Step.REFUSED, sweep.id);
    }

    private void plan(SweepEntity sweep, TargetLease lease) {
        SweeperConfig.Account account = sandboxes.find(sweep.account).orElseThrow();
        SweepPlan plan = planner.plan(account);
        Optional<Refusal> capped = Cap.check(plan, config);
        SweepStatus status =
                sweep.dryRun ? SweepStatus.PLANNED : capped.isPresent() ? SweepStatus.CAPPED : SweepStatus.DELETING;
        String reason = sweep.dryRun
                ? "dry run: nothing deleted"
                : capped.map(Refusal::message).orElse(null);
        SweepEntity planned = store.planned(sweep.id, plan, status, reason, lease);
        events.publish(SweepEvent.Step.PLANNED, sweep.id);
        if (plan.items().stream().anyMatch(i -> i.verdict().decision() == SweepDecision.NOTICED)) {
            events.publish(SweepEvent.Step.NOTICED, sweep.id);
        }
        if (status != SweepStatus.DELETING) {
            metrics.ended(status);
        }
        if (status == SweepStatus.PLANNED) {
            plan.items().stream()
                    .filter(i -> i.verdict().deletes())
                    .forEach(i -> metrics.resources(i.resource().type(), "dry-run", 1));
            metrics.succeeded(sweep.account, planned.finishedAt);
        } else if (status == SweepStatus.CAPPED) {
            LOG.warnf("Sweep %d stopped before any delete: %s", sweep.id, reason);
            metrics.refused(Refusal.Reason.CAP);
            events.publish(SweepEvent.Step.CAPPED, sweep.id);
        } else {
            delete(planned, lease, true);
        }
    }

    private void delete(SweepEntity sweep, TargetLease lease, boolean planJustRead) {
        SweeperConfig.Account account = sandboxes
                .find(sweep.account)
                .orElseThrow(() -> new IllegalStateException(sweep.account + " is no longer a listed sandbox"));
        execution.execute(sweep, account, lease, planJustRead);
        SweepEntity done = store.end(sweep.id, SweepStatus.COMPLETED, null);
        queries.outcomesByType(sweep.id)
                .forEach((type, outcomes) ->
                        outcomes.forEach((outcome, count) -> metrics.resources(type, outcome.name(), count)));
        metrics.succeeded(sweep.account, done.finishedAt);
        metrics.ended(SweepStatus.COMPLETED);
        events.publish(SweepEvent.Step.COMPLETED, sweep.id);
    }
}
