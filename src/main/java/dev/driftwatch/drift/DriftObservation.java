package dev.driftwatch.drift;

import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import java.util.List;

/**
 * One drift the comparator saw.
 *
 * @param resource  the live resource, or the expected one for MISSING
 * @param address   Terraform address, {@code null} for UNMANAGED
 * @param stateFile state the expectation came from, {@code null} for UNMANAGED
 */
public record DriftObservation(
        DriftKind kind, CloudResource resource, String address, String stateFile, List<AttributeDiff> diffs) {

    public DriftObservation {
        diffs = List.copyOf(diffs);
    }
}
