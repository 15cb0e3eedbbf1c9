package dev.driftwatch.coverage;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.drift.DriftComparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How much of one state driftwatch reads: its resources of types no collector reads are never compared,
 * so drift in them goes unseen.
 *
 * @param unsupportedTypes how many resources of each such type the state holds
 * @param summary          e.g. {@code 53 of 103 resources in this state are of unsupported types}
 */
public record StateCoverage(
        String stateFile, int resources, int unsupported, Map<String, Integer> unsupportedTypes, String summary) {

    public StateCoverage {
        unsupportedTypes = Map.copyOf(unsupportedTypes);
    }

    /** One entry per state, in the order read. */
    public static List<StateCoverage> of(List<ExpectedResource> expected, Set<String> supportedTypes) {
        Map<String, List<ExpectedResource>> byState = new LinkedHashMap<>();
        expected.forEach(e ->
                byState.computeIfAbsent(e.stateFile(), s -> new ArrayList<>()).add(e));
        return byState.entrySet().stream()
                .map(entry -> {
                    Map<String, Integer> unsupportedTypes = new TreeMap<>();
                    entry.getValue().stream()
                            .filter(e -> !supportedTypes.containsAll(DriftComparator.liveTypesOf(List.of(e))))
                            .forEach(e -> unsupportedTypes.merge(e.resource().type(), 1, Integer::sum));
                    int unsupported = unsupportedTypes.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum();
                    int resources = entry.getValue().size();
                    return new StateCoverage(
                            entry.getKey(),
                            resources,
                            unsupported,
                            unsupportedTypes,
                            unsupported + " of " + resources + " resources in this state are of unsupported types");
                })
                .toList();
    }
}
