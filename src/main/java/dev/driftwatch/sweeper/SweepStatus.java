package dev.driftwatch.sweeper;

/** Where a sweep of one account stands. */
public enum SweepStatus {
    /** Asked for (nightly or through the API); a replica's worker takes it. */
    QUEUED,
    PLANNING,
    /** The account failed a guard: nothing was read or deleted. */
    REFUSED,
    /** A dry run: the plan is all it does. */
    PLANNED,
    /** The plan deletes more than the cap: nothing was deleted; an approver may let this plan go on. */
    CAPPED,
    /** An approver let a capped plan go on; a worker takes it. */
    APPROVED,
    DELETING,
    COMPLETED,
    /** Planning or deleting stopped on an error; what was done is in its items. */
    FAILED;

    /** Whether the sweep has ended (a capped one waits for a person, not for driftwatch). */
    public boolean ended() {
        return this == REFUSED || this == PLANNED || this == COMPLETED || this == FAILED;
    }
}
