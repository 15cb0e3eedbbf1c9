package dev.driftwatch.scan;

import dev.driftwatch.baseline.Baseline;
import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.coverage.CoverageStore;
import dev.driftwatch.drift.Comparison;
import dev.driftwatch.drift.DriftComparator;
import dev.driftwatch.drift.DriftIgnore;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.finding.FindingChanges;
import dev.driftwatch.finding.FindingLifecycle;
import dev.driftwatch.finding.FindingMetrics;
import dev.driftwatch.finding.OutboxRelay;
import dev.driftwatch.finding.ResolutionScope;
import dev.driftwatch.inventory.Inventory;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.inventory.ResourceSnapshotStore;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import dev.driftwatch.finding.Observation;
import dev.driftwatch.policy.PolicyEvaluator;
import dev.driftwatch.policy.Waivers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One scan of one account and region: read the cloud, read the states, compare, check the policies,
 * store findings.
 * Whatever could not be read is recorded and narrows what the scan may conclude.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);

    private final ScanRuns runs;
    private final ScanLock lock;
    private final Inventory inventory;
    private final Baseline baseline;
    private final DriftComparator comparator;
    private final DriftIgnore ignore;
    private final FindingLifecycle findings;
    private final ResourceSnapshotStore snapshots;
    private final FindingMetrics findingMetrics;
    private final ScanMetrics metrics;
    private final OutboxRelay relay;
    private final PolicyEvaluator policies;
    private final Waivers waivers;
    private final CoverageStore coverage;
    private final String instance;

    ScanService(ScanRuns runs, ScanLock lock, Inventory inventory, Baseline baseline, DriftComparator comparator,
            DriftIgnore ignore, FindingLifecycle findings, ResourceSnapshotStore snapshots, FindingMetrics findingMetrics,
            ScanMetrics metrics, OutboxRelay relay, PolicyEvaluator policies, Waivers waivers, CoverageStore coverage,
            ScanConfig config) {
        this.runs = runs;
        this.lock = lock;
        this.inventory = inventory;
        this.baseline = baseline;
        this.comparator = comparator;
        this.ignore = ignore;
        this.findings = findings;
        this.snapshots = snapshots;
        this.findingMetrics = findingMetrics;
        this.metrics = metrics;
        this.relay = relay;
        this.policies = policies;
        this.waivers = waivers;
        this.coverage = coverage;
        this.instance = config.instanceId().orElseGet(ScanService::hostAndPid);
    }

    public void run(long scanId) {
        runs.target(scanId).ifPresentOrElse(target -> run(scanId, target),
                () -> LOG.warnf("Scan %d is not recorded; request ignored", scanId));
    }

    /**
     * Runs the scan only if the record says the same target as the request: a request from another
     * deployment sharing the broker (same topic, another database) must never run a scan of ours.
     */
    public void run(long scanId, ScanTarget requested) {
        ScanTarget target = runs.target(scanId).orElse(null);
        if (!requested.equals(target)) {
            LOG.warnf("Scan request %d for %s does not match this deployment's record (%s); ignored", scanId, requested, target);
            return;
        }
        lock.whileHolding(target, () -> {
            runs.start(scanId, instance);
            long started = System.nanoTime();
            try {
                compare(scanId, target, started);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Scan %d of %s failed", scanId, target);
                runs.fail(scanId, new ScanProblem("scan of " + target, e.getClass().getSimpleName() + ": " + e.getMessage()));
                metrics.recordFailure(target, ScanStatus.FAILED, System.nanoTime() - started);
            }
        });
    }

    private void compare(long scanId, ScanTarget target, long started) {
        InventorySnapshot live = inventory.collect(target);
        BaselineSnapshot expected = baseline.load();
        // resources left unknown are in no list: no drift, no policy verdict, and none of their findings resolves
        Comparison comparison = comparator.compare(live.resources(), expected.in(target), live.listedTypes(), live.unknown(),
                expected.complete());
        // ignored drift is no finding; an open one resolves as the scan's scope allows
        List<DriftObservation> drift = ignore.apply(comparison.observations());
        PolicyEvaluator.Outcome compliance = policies.evaluate(live.resources());
        ResolutionScope scope = new ResolutionScope(target.account(), target.region(), live.listedTypes(), expected.complete(),
                new HashSet<>(expected.failedSources()), compliance.failedPolicies(), live.unknown());
        List<Observation> observations = new ArrayList<>(ScanObservations.of(drift));
        observations.addAll(ScanObservations.of(compliance.violations(), waivers.active()));
        FindingChanges changes = findings.apply(scanId, scope, observations);
        snapshots.store(scanId, live);
        coverage.record(scanId, target, comparison.coverage());
        ScanStatus status = runs.finish(scanId, live, expected, changes);
        relay.nudge();
        findingMetrics.refresh();
        metrics.record(target, live, status, System.nanoTime() - started);
        LOG.infof("Scan %d of %s: %s, %d resources, %d opened, %d updated, %d resolved", scanId, target, status,
                live.resources().size(), changes.opened(), changes.updated(), changes.resolved());
    }

    private static String hostAndPid() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "-" + ProcessHandle.current().pid();
    }
}
