package dev.driftwatch.scan;

import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.finding.FindingChanges;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scan_run records: each state change is its own short transaction, so progress is visible. */
@ApplicationScoped
public class ScanRuns {

    /** A request's answer: the scan, and whether it was queued now or was already queued or running. */
    public record Queued(ScanView scan, boolean created) {}

    private final ScanClaims claims;
    private final Clock clock;

    ScanRuns(ScanClaims claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /** Queues a scan of the target, or answers the one already queued or running for it. */
    @Transactional
    public ScanView queue(ScanTarget target, String trigger) {
        return queueOnce(target, trigger).scan();
    }

    @Transactional
    public Queued queueOnce(ScanTarget target, String trigger) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> created = claims.insertUnlessActive(target, trigger);
            Optional<Long> id = created.or(() -> claims.active(target));
            if (id.isPresent()) {
                return new Queued(ScanView.of(ScanRunEntity.findById(id.get())), created.isPresent());
            }
            // the active scan finished between the insert and the look-up: try again
        }
        throw new IllegalStateException("Could not queue a scan of " + target + ": its scans keep changing");
    }

    @Transactional
    Optional<ScanTarget> target(long scanId) {
        return ScanRunEntity.<ScanRunEntity>findByIdOptional(scanId)
                .map(run -> new ScanTarget(run.account, run.region));
    }

    @Transactional
    void start(long scanId, String instance) {
        ScanRunEntity run = ScanRunEntity.findById(scanId);
        run.status = ScanStatus.RUNNING;
        run.startedAt = clock.instant();
        run.scannedBy = instance;
    }

    /** Only a scan not yet finished: the first answer stays (a stopping replica's, or the scan's own). */
    @Transactional
    void fail(long scanId, ScanProblem problem) {
        ScanRunEntity run = ScanRunEntity.findById(scanId);
        if (run.status != ScanStatus.QUEUED && run.status != ScanStatus.RUNNING) {
            return;
        }
        run.status = ScanStatus.FAILED;
        run.finishedAt = clock.instant();
        run.problems = List.of(problem);
    }

    /**
     * @param otherProblems what the states hold that this scan could not compare ({@link StateScope}), and
     *                      policy directories that could not be used
     */
    @Transactional
    ScanStatus finish(
            long scanId,
            InventorySnapshot live,
            BaselineSnapshot expected,
            List<ScanProblem> otherProblems,
            FindingChanges changes) {
        List<ScanProblem> problems = new ArrayList<>();
        live.gaps()
                .forEach(g -> problems.add(new ScanProblem(
                        g.service() + " " + g.resourceType() + (g.oneResource() ? " " + g.resourceId() : "") + " in "
                                + g.account() + "/" + g.region(),
                        g.reason())));
        expected.errors().forEach(e -> problems.add(new ScanProblem(e.source(), e.problem())));
        problems.addAll(otherProblems);
        ScanRunEntity run = ScanRunEntity.findById(scanId);
        run.status = problems.isEmpty() ? ScanStatus.COMPLETE : ScanStatus.PARTIAL;
        run.finishedAt = clock.instant();
        run.resourcesScanned = live.resources().size();
        run.findingsOpened = changes.opened();
        run.findingsUpdated = changes.updated();
        run.findingsResolved = changes.resolved();
        run.problems = problems;
        return run.status;
    }

    @Transactional
    public Optional<ScanView> byId(long id) {
        return ScanRunEntity.<ScanRunEntity>findByIdOptional(id).map(ScanView::of);
    }

    @Transactional
    public List<ScanView> recent(int limit) {
        return ScanRunEntity.<ScanRunEntity>findAll(Sort.descending("id")).range(0, limit - 1).list().stream()
                .map(ScanView::of)
                .toList();
    }
}
