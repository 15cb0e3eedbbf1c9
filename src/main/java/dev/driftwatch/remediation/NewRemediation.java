package dev.driftwatch.remediation;

import java.time.Instant;
import java.util.Map;

/** A decision about a finding version, before it is recorded. */
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
        Instant expiresAt) {}
