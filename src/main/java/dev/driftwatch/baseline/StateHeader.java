package dev.driftwatch.baseline;

/**
 * What identifies one version of a state: Terraform raises {@code serial} on every write, and
 * {@code lineage} names the state's history (a new lineage is a different state).
 */
public record StateHeader(long serial, String lineage) {}
