package dev.driftwatch.drift;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts, per type read completely, the live resources a state manages, the unmanaged and the AWS-managed ones. */
final class CoverageTally {

    private final Map<String, int[]> counts = new TreeMap<>();

    /** Every type read gets a figure, zeros included, so a type emptied by hand shows as such. */
    CoverageTally(Set<String> readTypes) {
        readTypes.stream().filter(ResourceFamilies::countedInCoverage).forEach(t -> counts.put(t, new int[3]));
    }

    void managed(String type) {
        add(type, 0);
    }

    void unmatched(String type, Ownership ownership) {
        switch (ownership) {
            case CUSTOMER -> add(type, 1);
            case AWS_MANAGED -> add(type, 2);
            case PLACEHOLDER -> {} // not a resource anyone could bring under code
        }
    }

    List<TypeCoverage> byType() {
        return counts.entrySet().stream()
                .map(e -> new TypeCoverage(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    private void add(String type, int column) {
        int[] row = counts.get(type);
        if (row != null) {
            row[column]++;
        }
    }
}
