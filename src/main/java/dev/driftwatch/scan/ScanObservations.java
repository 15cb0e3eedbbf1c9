package dev.driftwatch.scan;

import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.Observation;
import java.util.List;

/** Drift as findings see it. */
final class ScanObservations {

    private ScanObservations() {
    }

    static List<Observation> of(List<DriftObservation> drift) {
        return drift.stream()
                .map(d -> new Observation(FindingKind.valueOf(d.kind().name()), d.resource().account(), d.resource().region(),
                        d.resource().type(), d.resource().id(), null, d.address(), d.stateFile(), d.diffs()))
                .toList();
    }
}
