package dev.driftwatch.sweeper;

import dev.driftwatch.resource.CloudResource;
import java.time.Instant;

/**
 * One resource of a plan as it was read, with the decision on it.
 *
 * @param firstSeen when driftwatch first saw it; null when it has no record
 */
public record PlannedItem(CloudResource resource, Instant firstSeen, Verdict verdict) {}
