package dev.driftwatch.scan;

import java.time.Instant;
import java.util.List;

/** A scan as the API shows it. */
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
        List<ScanProblem> problems) {

    static ScanView of(ScanRunEntity run) {
        return new ScanView(run.id, run.account, run.region, run.trigger, run.status, run.requestedAt, run.startedAt,
                run.finishedAt, run.resourcesScanned, run.findingsOpened, run.findingsUpdated, run.findingsResolved,
                run.scannedBy, run.problems == null ? List.of() : run.problems);
    }
}
