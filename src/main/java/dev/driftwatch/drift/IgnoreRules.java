package dev.driftwatch.drift;

import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules in the order they were written; for each resource or attribute the last matching rule decides,
 * so a later {@code !rule} un-ignores and a later rule ignores again (as in driftctl and .gitignore).
 */
public final class IgnoreRules {

    private final List<IgnoreRule> rules;
    /**
     * Positions of the rules by what they name: an exact type and id (thousands, once drift is accepted), an
     * exact type with a wildcard id, a wildcard type. A resource tests only the rules that can match it.
     */
    private final Map<ResourceKey, List<Integer>> byTypeAndId = new HashMap<>();

    private final Map<String, List<Integer>> byType = new HashMap<>();
    private final List<Integer> anyType = new ArrayList<>();

    public IgnoreRules(List<IgnoreRule> rules) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            IgnoreRule rule = this.rules.get(i);
            if (rule.type().indexOf('*') >= 0) {
                anyType.add(i);
            } else if (rule.id().indexOf('*') >= 0) {
                byType.computeIfAbsent(rule.type(), t -> new ArrayList<>()).add(i);
            } else {
                byTypeAndId
                        .computeIfAbsent(new ResourceKey(rule.type(), rule.id()), k -> new ArrayList<>())
                        .add(i);
            }
        }
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
                List<AttributeDiff> diffs = d.diffs().stream()
                        .filter(diff -> !ignored(relevant, diff.path()))
                        .toList();
                if (diffs.size() == d.diffs().size()) {
                    kept.add(d);
                } else if (!diffs.isEmpty()) {
                    kept.add(new DriftObservation(d.kind(), d.resource(), d.address(), d.stateFile(), diffs));
                }
            }
        }
        return kept;
    }

    /** The rules matching the resource, in the order they were written. */
    private List<IgnoreRule> relevantTo(CloudResource r) {
        List<Integer> candidates = new ArrayList<>(byTypeAndId.getOrDefault(r.key(), List.of()));
        candidates.addAll(byType.getOrDefault(r.type(), List.of()));
        candidates.addAll(anyType);
        Collections.sort(candidates);
        List<IgnoreRule> relevant = new ArrayList<>();
        for (int i : candidates) {
            if (rules.get(i).matchesResource(r.type(), r.id(), r.account(), r.region())) {
                relevant.add(rules.get(i));
            }
        }
        return relevant;
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
