package dev.driftwatch.scan;

import java.time.Instant;
import java.util.List;

/**
 * A scan as the API shows it.
 *
 * @param attempt 1, or one more than {@code retryOf}'s: this run takes over from that one, cut short by its replica
 */
public record ScanView(
        long id,
        String account,
        String region,
        String trigger,
        ScanStatus status,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        int resourcesScanned,
        int findingsOpened,
        int findingsUpdated,
        int findingsResolved,
        String scannedBy,
        List<ScanProblem> problems,
        int attempt,
        Long retryOf) {

    static ScanView of(ScanRunEntity run) {
        return new ScanView(
                run.id,
                run.account,
                run.region,
                run.trigger,
                run.status,
                run.requestedAt,
                run.startedAt,
                run.finishedAt,
                run.resourcesScanned,
                run.findingsOpened,
                run.findingsUpdated,
                run.findingsResolved,
                run.scannedBy,
                run.problems == null ? List.of() : run.problems,
                run.attempt,
                run.retryOf);
    }
}
