package dev.driftwatch.sweeper;

/** Whether a Terraform state manages a resource, as far as driftwatch could read the states. */
public enum StateManagement {
    MANAGED,
    UNMANAGED,
    /** A state could not be read (or protection by state is off: then {@link #UNMANAGED}). */
    UNKNOWN
}
