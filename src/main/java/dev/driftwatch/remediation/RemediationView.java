package dev.driftwatch.remediation;

import dev.driftwatch.remediation.action.PlannedCall;
import java.time.Instant;

/**
 * A remediation as the API and events show it ({@code data} of {@link RemediationEvent}; a field added here is
 * added to {@code docs/events/driftwatch.remediations.schema.json} too).
 *
 * @param plannedCall the AWS call made, or in dry-run the one that would have been; {@code null} until the
 *                    resource was re-read
 * @param reason      why it was skipped, failed or rejected, in words; {@code null} otherwise
 */
public record RemediationView(
        long id,
        String fingerprint,
        long findingId,
        int findingVersion,
        String account,
        String region,
        String resourceType,
        String resourceId,
        String policyId,
        String action,
        RemediationMode mode,
        RemediationStatus status,
        String reason,
        String requestedBy,
        int approvalsRequired,
        boolean dryRun,
        PlannedCall plannedCall,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {

    static RemediationView of(RemediationEntity r) {
        return new RemediationView(
                r.id,
                r.fingerprint,
                r.findingId,
                r.findingVersion,
                r.account,
                r.region,
                r.resourceType,
                r.resourceId,
                r.policyId,
                r.action,
                r.mode,
                r.status,
                r.reason,
                r.requestedBy,
                r.approvalsRequired,
                r.dryRun,
                r.plannedCall,
                r.createdAt,
                r.updatedAt,
                r.expiresAt);
    }
}
