package dev.driftwatch.drift;

import java.util.List;

/**
 * What one comparison found.
 *
 * @param coverage one entry per type read completely, empty when a state could not be read (then nobody
 *                 knows what is managed, and a partial figure must not replace a complete one)
 */
public record Comparison(List<DriftObservation> observations, List<TypeCoverage> coverage) {

    public Comparison {
        observations = List.copyOf(observations);
        coverage = List.copyOf(coverage);
    }
}
