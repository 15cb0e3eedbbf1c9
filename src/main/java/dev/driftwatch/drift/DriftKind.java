package dev.driftwatch.drift;

/** The ways a resource can differ from its expected state. */
public enum DriftKind {
    /** In a state and in the cloud, with attributes that differ. */
    CHANGED,
    /** In the cloud, in no state. */
    UNMANAGED,
    /** In a state, not in the cloud. */
    MISSING
}
