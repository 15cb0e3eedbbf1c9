package dev.driftwatch.scan;

import dev.driftwatch.baseline.Baseline;
import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.coverage.CoverageStore;
import dev.driftwatch.drift.DriftIgnore;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.drift.DriftSeverities;
import dev.driftwatch.drift.IgnoreRules;
import dev.driftwatch.engine.DriftEngine;
import dev.driftwatch.engine.TargetComparison;
import dev.driftwatch.finding.ConcurrentFindingUpdates;
import dev.driftwatch.finding.FindingChanges;
import dev.driftwatch.finding.FindingLifecycle;
import dev.driftwatch.finding.FindingMetrics;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.Observation;
import dev.driftwatch.finding.ResolutionScope;
import dev.driftwatch.inventory.Inventory;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.inventory.ResourceSnapshotStore;
import dev.driftwatch.lock.LockPurpose;
import dev.driftwatch.lock.LostTargetLock;
import dev.driftwatch.lock.TargetLease;
import dev.driftwatch.lock.TargetLock;
import dev.driftwatch.outbox.OutboxRelay;
import dev.driftwatch.policy.PolicyEvaluator;
import dev.driftwatch.policy.Waivers;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One scan of one account and region: read the cloud, read the states, compare, check the policies,
 * store findings.
 * Whatever could not be read is recorded and narrows what the scan may conclude.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);

    private static final int FAIL_ATTEMPTS = 4;

    private final ScanRuns runs;
    private final TargetLock lock;
    private final RunningScans running;
    private final Inventory inventory;
    private final Baseline baseline;
    private final DriftEngine engine;
    private final DriftIgnore ignore;
    private final DriftSeverities severities;
    private final FindingLifecycle findings;
    private final ResourceSnapshotStore snapshots;
    private final FindingMetrics findingMetrics;
    private final ScanMetrics metrics;
    private final OutboxRelay relay;
    private final Waivers waivers;
    private final CoverageStore coverage;
    private final ScanClaims claims;
    private final StateScope stateScope;
    private final FindingQueries findingQueries;
    private final Clock clock;
    private final String instance;

    ScanService(
            ScanRuns runs,
            TargetLock lock,
            RunningScans running,
            Inventory inventory,
            Baseline baseline,
            DriftEngine engine,
            DriftIgnore ignore,
            DriftSeverities severities,
            FindingLifecycle findings,
            ResourceSnapshotStore snapshots,
            FindingMetrics findingMetrics,
            ScanMetrics metrics,
            OutboxRelay relay,
            Waivers waivers,
            CoverageStore coverage,
            ScanClaims claims,
            StateScope stateScope,
            FindingQueries findingQueries,
            ScanConfig config,
            Clock clock) {
        this.runs = runs;
        this.lock = lock;
        this.running = running;
        this.inventory = inventory;
        this.baseline = baseline;
        this.engine = engine;
        this.ignore = ignore;
        this.severities = severities;
        this.findings = findings;
        this.snapshots = snapshots;
        this.findingMetrics = findingMetrics;
        this.metrics = metrics;
        this.relay = relay;
        this.waivers = waivers;
        this.coverage = coverage;
        this.claims = claims;
        this.stateScope = stateScope;
        this.findingQueries = findingQueries;
        this.clock = clock;
        this.instance = config.instanceId().orElseGet(ScanService::hostAndPid);
    }

    /**
     * Runs a queued scan here, unless another replica (or an earlier call) has taken it: one request, one scan.
     */
    public void run(long scanId) {
        if (!claims.claim(scanId, instance)) {
            LOG.infof("Scan %d is not queued (taken by a replica, or done); not run again", scanId);
            return;
        }
        runClaimed(scanId);
    }

    /** Runs a scan this replica has claimed (RUNNING under its name), under the target lock. */
    void runClaimed(long scanId) {
        ScanTarget target =
                runs.target(scanId).orElseThrow(() -> new IllegalStateException("Scan " + scanId + " is not recorded"));
        if (running.stopping()) { // not even waiting for the lock
            failSafely(scanId, new ScanProblem("scan of " + target, ScanShutdown.INTERRUPTED + " before it started"));
            return;
        }
        try {
            lock.whileHolding(target.toString(), LockPurpose.SCAN, instance, lease -> {
                runUnder(lease, scanId, target);
                return null;
            });
        } catch (ScanEndNotRecorded e) {
            throw e; // the worker records it later
        } catch (RuntimeException e) { // the lock could not be taken: the scan is not left RUNNING for nobody
            LOG.errorf("Scan %d of %s not run: %s", scanId, target, e.getMessage());
            failSafely(scanId, new ScanProblem("target lock of " + target, e.getMessage()));
        }
    }

    /** This replica's name in scan records. */
    String instance() {
        return instance;
    }

    private void runUnder(TargetLease lease, long scanId, ScanTarget target) {
        if (!running.add(scanId, lease)) {
            failSafely(scanId, new ScanProblem("scan of " + target, ScanShutdown.INTERRUPTED + " before it started"));
            return;
        }
        long started = System.nanoTime();
        try {
            runs.start(scanId, instance);
            compare(scanId, target, lease, started);
        } catch (RuntimeException e) {
            if (e instanceof LostTargetLock) {
                LOG.errorf("Scan %d of %s wrote nothing: %s", scanId, target, e.getMessage());
            } else {
                LOG.errorf(e, "Scan %d of %s failed", scanId, target);
            }
            metrics.recordFailure(target, ScanStatus.FAILED, System.nanoTime() - started);
            failSafely(
                    scanId,
                    new ScanProblem(
                            "scan of " + target,
                            e instanceof LostTargetLock
                                    ? e.getMessage()
                                    : e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            running.remove(scanId);
        }
    }

    private void compare(long scanId, ScanTarget target, TargetLease lease, long started) {
        InventorySnapshot live = inventory.collect(target);
        BaselineSnapshot expected = baseline.load();
        TargetComparison compared = engine.compare(live, expected, DriftEngine.Checks.DRIFT_AND_POLICIES);
        PolicyEvaluator.Outcome compliance = compared.compliance().orElseThrow();
        // A state with entries of unknown location may hold any finding's twin: none of its findings resolves.
        Set<String> unreadStates = new HashSet<>(expected.failedSources());
        expected.unlocated().forEach(e -> unreadStates.add(e.stateFile()));
        ResolutionScope scope = new ResolutionScope(
                target.account(),
                target.region(),
                live.listedTypes(),
                expected.complete(),
                unreadStates,
                compliance.unevaluated(() -> findingQueries.policiesWithFindings(target.account(), target.region())),
                live.unknown());
        List<ScanProblem> otherProblems = new ArrayList<>(stateScope.problems(expected, compared.claims()));
        compliance
                .unusableDirectories()
                .forEach(e -> otherProblems.add(new ScanProblem("policy directory " + e.file(), e.reason())));
        // One fenced transaction for everything the scan concludes: all of it is written, or (lock lost) none.
        Recorded recorded = ConcurrentFindingUpdates.inNewTransaction("Scan " + scanId, () -> {
            lock.verify(lease);
            // ignored drift is no finding; read again on each attempt, so drift accepted meanwhile stays accepted
            List<DriftObservation> drift =
                    compared.drift(new IgnoreRules(ignore.load().rules()));
            List<Observation> observations = new ArrayList<>(ScanObservations.of(drift, severities));
            observations.addAll(ScanObservations.of(compliance.violations(), waivers.active(), clock.instant()));
            FindingChanges changes = findings.apply(scanId, scope, observations);
            snapshots.store(scanId, live);
            coverage.record(scanId, target, compared.comparison().coverage());
            return new Recorded(changes, runs.finish(scanId, live, expected, otherProblems, changes));
        });
        FindingChanges changes = recorded.changes();
        relay.nudge();
        findingMetrics.refresh();
        coverage.refreshMetrics();
        metrics.record(target, live, recorded.status(), System.nanoTime() - started);
        LOG.infof(
                "Scan %d of %s: %s, %d resources, %d opened, %d updated, %d resolved",
                scanId,
                target,
                recorded.status(),
                live.resources().size(),
                changes.opened(),
                changes.updated(),
                changes.resolved());
    }

    /**
     * A scan is never left RUNNING for want of one attempt: the database may just have restarted. After the
     * last attempt {@link ScanEndNotRecorded} hands it to the worker, which tries again at each look.
     */
    private void failSafely(long scanId, ScanProblem problem) {
        for (int attempt = 1; ; attempt++) {
            try {
                runs.fail(scanId, problem);
                return;
            } catch (RuntimeException e) {
                if (attempt == FAIL_ATTEMPTS) {
                    throw new ScanEndNotRecorded(scanId, problem, e);
                }
                pause(Duration.ofSeconds(attempt));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Recorded(FindingChanges changes, ScanStatus status) {}

    private static String hostAndPid() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "-" + ProcessHandle.current().pid();
    }
}
