package dev.driftwatch.scan;

import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.finding.FindingChanges;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scan_run records: each state change is its own short transaction, so progress is visible. */
@ApplicationScoped
public class ScanRuns {

    @Transactional
    public ScanView queue(ScanTarget target, String trigger) {
        ScanRunEntity run = new ScanRunEntity();
        run.account = target.account();
        run.region = target.region();
        run.trigger = trigger;
        run.status = ScanStatus.QUEUED;
        run.requestedAt = Instant.now();
        run.persist();
        return ScanView.of(run);
    }

    @Transactional
    Optional<ScanTarget> target(long scanId) {
        return ScanRunEntity.<ScanRunEntity>findByIdOptional(scanId).map(run -> new ScanTarget(run.account, run.region));
    }

    @Transactional
    void start(long scanId, String instance) {
        ScanRunEntity run = ScanRunEntity.findById(scanId);
        run.status = ScanStatus.RUNNING;
        run.startedAt = Instant.now();
        run.scannedBy = instance;
    }

    @Transactional
    void fail(long scanId, ScanProblem problem) {
        ScanRunEntity run = ScanRunEntity.findById(scanId);
        run.status = ScanStatus.FAILED;
        run.finishedAt = Instant.now();
        run.problems = List.of(problem);
    }

    @Transactional
    ScanStatus finish(long scanId, InventorySnapshot live, BaselineSnapshot expected, FindingChanges changes) {
        List<ScanProblem> problems = new ArrayList<>();
        live.gaps().forEach(g -> problems.add(new ScanProblem(g.service() + " " + g.resourceType()
                + (g.oneResource() ? " " + g.resourceId() : "") + " in " + g.account() + "/" + g.region(), g.reason())));
        expected.errors().forEach(e -> problems.add(new ScanProblem(e.source(), e.problem())));
        ScanRunEntity run = ScanRunEntity.findById(scanId);
        run.status = problems.isEmpty() ? ScanStatus.COMPLETE : ScanStatus.PARTIAL;
        run.finishedAt = Instant.now();
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
                .map(ScanView::of).toList();
    }
}
