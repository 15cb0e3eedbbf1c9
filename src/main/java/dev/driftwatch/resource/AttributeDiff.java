package dev.driftwatch.resource;

/**
 * One attribute that differs between state and cloud.
 *
 * @param path     attribute path in the provider's names, e.g. {@code tags.Owner} or {@code ingress}
 * @param expected the value the state holds ({@code null} when absent)
 * @param actual   the value the cloud holds ({@code null} when absent)
 */
public record AttributeDiff(String path, Object expected, Object actual) {}
