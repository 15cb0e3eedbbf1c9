package dev.driftwatch.finding;

public enum FindingStatus {
    OPEN,
    /** Still true, but waived (with an owner, a reason and an expiry): visible, not alerting. */
    SUPPRESSED,
    RESOLVED
}
