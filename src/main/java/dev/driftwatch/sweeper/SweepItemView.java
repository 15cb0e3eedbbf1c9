package dev.driftwatch.sweeper;

import java.time.Instant;

/** One resource of a sweep's report: the decision on it and, where it was to be deleted, what became of it. */
public record SweepItemView(
        String region,
        String type,
        String id,
        String arn,
        SweepDecision decision,
        String reason,
        ItemOutcome outcome,
        int attempts,
        String lastError,
        Instant actedAt) {

    static SweepItemView of(SweepItemEntity item) {
        return new SweepItemView(
                item.region,
                item.resourceType,
                item.resourceId,
                item.arn,
                item.decision,
                item.reason,
                item.outcome,
                item.attempts,
                item.lastError,
                item.actedAt);
    }
}
