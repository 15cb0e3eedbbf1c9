package dev.driftwatch.finding;

/** How many findings one scan opened, updated and resolved. */
public record FindingChanges(int opened, int updated, int resolved) {}
