package dev.driftwatch.finding;

import dev.driftwatch.resource.AttributeDiff;
import java.util.List;

/** Something a scan saw that should be a finding; the finding part decides whether it is new. */
public record Observation(
        FindingKind kind,
        String account,
        String region,
        String resourceType,
        String resourceId,
        String policyId,
        String address,
        String stateFile,
        List<AttributeDiff> diffs) {

    public Observation {
        diffs = diffs == null ? List.of() : List.copyOf(diffs);
    }

    public String fingerprint() {
        return Fingerprint.of(kind, account, region, resourceType, resourceId, policyId);
    }
}
