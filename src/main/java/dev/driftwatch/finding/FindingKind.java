package dev.driftwatch.finding;

/** What a finding says about a resource. */
public enum FindingKind {
    CHANGED,
    UNMANAGED,
    MISSING,
    VIOLATION
}
