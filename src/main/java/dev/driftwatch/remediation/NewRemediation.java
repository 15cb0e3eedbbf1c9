package dev.driftwatch.remediation;

import java.time.Instant;
import java.util.Map;

/**
 * A decision about a finding version, before it is recorded.
 *
 * @param scanSeenAt when the scan it was decided from saw the finding: one instant per scan of an account and
 *                   region
 */
public record NewRemediation(
        String fingerprint,
        long findingId,
        int findingVersion,
        String account,
        String region,
        String resourceType,
        String resourceId,
        String policyId,
        String action,
        Map<String, Object> parameters,
        RemediationMode mode,
        RemediationStatus status,
        String reason,
        String requestedBy,
        int approvalsRequired,
        boolean dryRun,
        Instant expiresAt,
        Instant scanSeenAt) {

    /** The same decision waiting for {@code approvals} approvers until {@code expiresAt}, because {@code why}. */
    NewRemediation awaitingApproval(String why, int approvals, Instant expires) {
        return new NewRemediation(
                fingerprint,
                findingId,
                findingVersion,
                account,
                region,
                resourceType,
                resourceId,
                policyId,
                action,
                parameters,
                RemediationMode.APPROVE,
                RemediationStatus.AWAITING_APPROVAL,
                why,
                requestedBy,
                approvals,
                dryRun,
                expires,
                scanSeenAt);
    }
}
