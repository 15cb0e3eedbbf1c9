package dev.driftwatch.drift;

import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rules in the order they were written; for each resource or attribute the last matching rule decides,
 * so a later {@code !rule} un-ignores and a later rule ignores again (as in driftctl and .gitignore).
 */
public record IgnoreRules(List<IgnoreRule> rules) {

    public IgnoreRules {
        rules = List.copyOf(rules);
    }

    /**
     * The drift left once ignored resources and attributes are taken out: UNMANAGED and MISSING resources
     * go by whole-resource rules; a CHANGED resource loses its ignored diffs, and disappears when none is left.
     */
    public List<DriftObservation> apply(List<DriftObservation> drift) {
        if (rules.isEmpty()) {
            return drift;
        }
        List<DriftObservation> kept = new ArrayList<>(drift.size());
        for (DriftObservation d : drift) {
            List<IgnoreRule> relevant = relevantTo(d.resource());
            if (relevant.isEmpty()) {
                kept.add(d);
            } else if (d.kind() != DriftKind.CHANGED) {
                if (!ignored(relevant, null)) {
                    kept.add(d);
                }
            } else {
                List<AttributeDiff> diffs = d.diffs().stream().filter(diff -> !ignored(relevant, diff.path())).toList();
                if (diffs.size() == d.diffs().size()) {
                    kept.add(d);
                } else if (!diffs.isEmpty()) {
                    kept.add(new DriftObservation(d.kind(), d.resource(), d.address(), d.stateFile(), diffs));
                }
            }
        }
        return kept;
    }

    private List<IgnoreRule> relevantTo(CloudResource r) {
        return rules.stream().filter(rule -> rule.matchesResource(r.type(), r.id(), r.account(), r.region())).toList();
    }

    /** The verdict of the last rule that covers the resource (diffPath null) or one of its attributes. */
    private static boolean ignored(List<IgnoreRule> relevant, String diffPath) {
        List<String> path = diffPath == null ? null : Arrays.asList(diffPath.split("\\."));
        for (int i = relevant.size() - 1; i >= 0; i--) {
            IgnoreRule rule = relevant.get(i);
            if (rule.wholeResource() || (path != null && rule.matchesPath(path))) {
                return !rule.negated();
            }
        }
        return false;
    }
}
