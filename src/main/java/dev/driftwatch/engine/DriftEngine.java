package dev.driftwatch.engine;

import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.drift.Comparison;
import dev.driftwatch.drift.DriftComparator;
import dev.driftwatch.drift.StateClaims;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.policy.PolicyEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The one comparison path of driftwatch: a scan, the one-shot check and {@code POST /api/checks} all bring what
 * they read here, so they conclude the same from the same cloud and states. Nothing here stores anything, and
 * ignore rules come from the caller ({@link IgnoreRuleSupply}), so the check needs no database.
 */
@ApplicationScoped
public class DriftEngine {

    /** Whether the policies are evaluated too (the check reports drift only). */
    public enum Checks {
        DRIFT,
        DRIFT_AND_POLICIES
    }

    private final DriftComparator comparator;
    private final PolicyEvaluator policies;

    public DriftEngine(DriftComparator comparator, PolicyEvaluator policies) {
        this.comparator = comparator;
        this.policies = policies;
    }

    /**
     * Compares one target's live resources with the states' entries for it. Resources left unknown are in no
     * list: no drift and no policy verdict about them.
     */
    public TargetComparison compare(InventorySnapshot live, BaselineSnapshot expected, Checks checks) {
        StateClaims claims = StateClaims.of(expected.in(live.target()));
        Comparison comparison = comparator.compare(
                live.resources(), claims.unique(), live.listedTypes(), live.unknown(), expected.complete());
        Optional<PolicyEvaluator.Outcome> compliance = checks == Checks.DRIFT_AND_POLICIES
                ? Optional.of(policies.evaluate(live.resources()))
                : Optional.empty();
        return new TargetComparison(live, expected, claims, comparison, compliance);
    }
}
