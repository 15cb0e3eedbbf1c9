package dev.driftwatch.scan;

public enum ScanStatus {
    /** Requested, waiting for its turn (one scan per account and region at a time). */
    QUEUED,
    RUNNING,
    /** Everything was read. */
    COMPLETE,
    /** Some part could not be read; see the problems. Nothing in that part was resolved or reported missing. */
    PARTIAL,
    /** Nothing could be compared, e.g. the account could not be identified. */
    FAILED
}
