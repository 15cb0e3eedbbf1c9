package dev.driftwatch.finding;

public enum FindingStatus {
    OPEN,
    /** Still true, but waived (with an owner, a reason and an expiry): visible, not alerting. */
    SUPPRESSED,
    /** Drift accepted as the baseline (POST /api/drift/accept): ignored from then on; reopened if it returns after un-accepting. */
    ACCEPTED,
    RESOLVED
}
