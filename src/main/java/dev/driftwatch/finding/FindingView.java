package dev.driftwatch.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.resource.AttributeDiff;
import java.time.Instant;
import java.util.List;

/**
 * A finding as the API and events show it ({@code data} of {@link FindingEvent}: a field added here is added to
 * {@code docs/events/driftwatch.findings.schema.json} too, with a minor schema version step).
 *
 * @param remediation the violated policy's remediation section; left out when it has none, and for drift
 */
public record FindingView(
        long id,
        String fingerprint,
        FindingKind kind,
        FindingStatus status,
        int version,
        String account,
        String region,
        String type,
        String resourceId,
        String policyId,
        String severity,
        String title,
        String message,
        List<String> references,
        String address,
        String stateFile,
        List<AttributeDiff> diffs,
        Instant firstSeen,
        Instant lastSeen,
        Instant resolvedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) RemediationSpec remediation) {

    static FindingView of(FindingEntity f) {
        return new FindingView(
                f.id,
                f.fingerprint,
                f.kind,
                f.status,
                f.version,
                f.account,
                f.region,
                f.resourceType,
                f.resourceId,
                f.policyId,
                f.severity,
                f.title,
                f.message,
                f.references == null ? List.of() : f.references,
                f.address,
                f.stateFile,
                f.diffs == null ? List.of() : f.diffs,
                f.firstSeen,
                f.lastSeen,
                f.resolvedAt,
                f.remediation);
    }
}
