package dev.driftwatch.finding;

import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.resource.AttributeDiff;
import java.util.List;

/**
 * Something a scan saw that should be a finding; the finding part decides whether it is new.
 *
 * @param policy        what the policy says, for VIOLATION; {@code null} for drift
 * @param suppressed    a waiver covers it: stored as SUPPRESSED, not OPEN
 * @param driftSeverity how bad the drift is ({@code HIGH}), for drift; {@code null} for VIOLATION, whose severity is
 *                      its policy's (see {@link #severity()})
 */
public record Observation(
        FindingKind kind,
        String account,
        String region,
        String resourceType,
        String resourceId,
        String policyId,
        String address,
        String stateFile,
        List<AttributeDiff> diffs,
        PolicyDetails policy,
        boolean suppressed,
        String driftSeverity) {

    /**
     * A policy's view of a violation.
     *
     * @param remediation the policy's remediation section; {@code null} when it has none
     */
    public record PolicyDetails(
            String title, String severity, String message, List<String> references, RemediationSpec remediation) {

        /** A policy without a remediation section. */
        public PolicyDetails(String title, String severity, String message, List<String> references) {
            this(title, severity, message, references, null);
        }
    }

    public Observation {
        diffs = diffs == null ? List.of() : List.copyOf(diffs);
        if (policy != null && driftSeverity != null) {
            throw new IllegalArgumentException("A violation's severity is its policy's");
        }
    }

    /** A policy violation. */
    public Observation(
            FindingKind kind,
            String account,
            String region,
            String resourceType,
            String resourceId,
            String policyId,
            String address,
            String stateFile,
            List<AttributeDiff> diffs,
            PolicyDetails policy,
            boolean suppressed) {
        this(
                kind,
                account,
                region,
                resourceType,
                resourceId,
                policyId,
                address,
                stateFile,
                diffs,
                policy,
                suppressed,
                null);
    }

    /** A drift observation without a severity. */
    public Observation(
            FindingKind kind,
            String account,
            String region,
            String resourceType,
            String resourceId,
            String policyId,
            String address,
            String stateFile,
            List<AttributeDiff> diffs) {
        this(kind, account, region, resourceType, resourceId, policyId, address, stateFile, diffs, null, false, null);
    }

    /** The finding's severity: the policy's for a violation, the drift's otherwise. */
    public String severity() {
        return policy == null ? driftSeverity : policy.severity();
    }

    public String fingerprint() {
        return Fingerprint.of(kind, account, region, resourceType, resourceId, policyId);
    }
}
