package dev.driftwatch.lock;

import java.util.Locale;

/** What a target lock is held for: any of them excludes the others on the same target. */
public enum LockPurpose {
    SCAN,
    REMEDIATION,
    SWEEP;

    /** As {@code target_lease.purpose} records it. */
    String recorded() {
        return name().toLowerCase(Locale.ROOT);
    }
}
