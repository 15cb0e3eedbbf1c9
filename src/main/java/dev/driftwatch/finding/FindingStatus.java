package dev.driftwatch.finding;

public enum FindingStatus {
    OPEN, RESOLVED
}
