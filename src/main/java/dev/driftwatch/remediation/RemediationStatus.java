package dev.driftwatch.remediation;

import java.util.EnumSet;
import java.util.Set;

/** Where a remediation is. The in-flight ones are the partial unique index of V15: one per finding at a time. */
public enum RemediationStatus {
    /** Ready to run: mode auto. */
    PLANNED,
    AWAITING_APPROVAL,
    /** Approved as many times as needed; ready to run. */
    APPROVED,
    /** Claimed by a replica: re-reading and checking guards; nothing written yet. */
    RUNNING,
    /** The write has begun: a replica that takes this over only verifies, it never writes again. */
    WRITING,
    /** Dry-run: everything but the write happened; the planned call is recorded. */
    DRY_RUN,
    /** Written and read back as fixed. */
    VERIFIED,
    /** Written (or maybe written) but not read back as fixed, or AWS refused the write. */
    FAILED,
    /** Nothing written: stale, a guard, report-only account, resolved finding, ... (the reason says which). */
    SKIPPED,
    REJECTED,
    EXPIRED;

    public static final Set<RemediationStatus> IN_FLIGHT =
            EnumSet.of(PLANNED, AWAITING_APPROVAL, APPROVED, RUNNING, WRITING);
    public static final Set<RemediationStatus> READY = EnumSet.of(PLANNED, APPROVED);

    public boolean inFlight() {
        return IN_FLIGHT.contains(this);
    }
}
