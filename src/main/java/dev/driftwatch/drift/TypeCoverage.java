package dev.driftwatch.drift;

/**
 * How much of one type, in one account and region, a state manages.
 *
 * @param managed    live resources some state matched
 * @param unmanaged  live resources no state matched, created by someone
 * @param awsManaged live resources no state matched that AWS created and owns
 */
public record TypeCoverage(String type, int managed, int unmanaged, int awsManaged) {}
