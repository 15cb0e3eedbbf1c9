package dev.driftwatch.sweeper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sweep as the API and the {@code driftwatch.sweeps} events show it.
 *
 * @param decisions how many resources the plan decided each way, by decision
 * @param outcomes  what became of the resources it meant to delete, by outcome ({@code DELETED}, {@code LEFT}, ...)
 */
public record SweepView(
        long id,
        String account,
        SweepStatus status,
        boolean dryRun,
        String requestedBy,
        String reason,
        String approvedBy,
        Instant approvedAt,
        Instant createdAt,
        Instant plannedAt,
        Instant finishedAt,
        List<String> gaps,
        Map<String, Long> decisions,
        Map<String, Long> outcomes) {}
