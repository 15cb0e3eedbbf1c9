package dev.driftwatch.sweeper;

/** What a sweep plans for one resource; only {@link #DELETE} is ever acted on. */
public enum SweepDecision {
    DELETE,
    /** A protecting tag, or a keep-until date not yet passed (or not readable). */
    PROTECTED_TAG,
    PROTECTED_NAME,
    MANAGED_BY_STATE,
    /** A Terraform state could not be read: whether it manages the resource is unknown, so it is kept. */
    STATE_UNKNOWN,
    TOO_YOUNG,
    AGE_UNKNOWN,
    AWS_MANAGED,
    TYPE_EXCLUDED,
    /** A person kept it through the API: out of this plan and every later one. */
    KEPT_ON_REQUEST,
    /** Announced for deletion: deleted by a sweep after the notice period, if still eligible then. */
    NOTICED,
    /** The resource was listed but not read completely: nothing is concluded about it. */
    READ_INCOMPLETE
}
