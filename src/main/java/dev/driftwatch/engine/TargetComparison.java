package dev.driftwatch.engine;

import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.drift.Comparison;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.drift.IgnoreRules;
import dev.driftwatch.drift.StateClaims;
import dev.driftwatch.drift.UnlocatedClaims;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.policy.PolicyEvaluator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DriftEngine} concluded about one target, before ignore rules: the caller applies them with
 * {@link #drift(IgnoreRules)} when it has read them (a scan reads accepted drift inside its transaction).
 *
 * @param claims     the state entries of the target, each live resource claimed once (double claims apart)
 * @param compliance the policy verdicts, when they were asked for
 */
public record TargetComparison(
        InventorySnapshot live,
        BaselineSnapshot expected,
        StateClaims claims,
        Comparison comparison,
        Optional<PolicyEvaluator.Outcome> compliance) {

    /**
     * The drift to report: UNMANAGED resources that an entry of unknown location may describe are left out
     * (they are unknown), then ignored resources and attributes.
     */
    public List<DriftObservation> drift(IgnoreRules ignored) {
        return ignored.apply(
                UnlocatedClaims.withoutUnmanagedClaimedBy(comparison.observations(), expected.unlocated()));
    }
}
