package dev.driftwatch.scan;

import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.drift.DriftSeverities;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.Observation;
import dev.driftwatch.policy.PolicyDefinition;
import dev.driftwatch.policy.PolicyViolation;
import dev.driftwatch.policy.Waiver;
import dev.driftwatch.resource.CloudResource;
import java.time.Instant;
import java.util.List;

/** Drift and policy violations as findings see them. */
final class ScanObservations {

    private ScanObservations() {}

    static List<Observation> of(List<DriftObservation> drift, DriftSeverities severities) {
        return drift.stream()
                .map(d -> new Observation(
                        FindingKind.valueOf(d.kind().name()),
                        d.resource().account(),
                        d.resource().region(),
                        d.resource().type(),
                        d.resource().id(),
                        null,
                        d.address(),
                        d.stateFile(),
                        d.diffs(),
                        null,
                        false,
                        severities.of(d).name()))
                .toList();
    }

    /** @param now the service's clock's now, against which waivers expire */
    static List<Observation> of(List<PolicyViolation> violations, List<Waiver> waivers, Instant now) {
        return violations.stream()
                .map(v -> {
                    CloudResource r = v.resource();
                    PolicyDefinition p = v.policy();
                    boolean waived = waivers.stream().anyMatch(w -> w.covers(p.id(), r, now));
                    return new Observation(
                            FindingKind.VIOLATION,
                            r.account(),
                            r.region(),
                            r.type(),
                            r.id(),
                            p.id(),
                            null,
                            null,
                            List.of(),
                            new Observation.PolicyDetails(
                                    p.title(), p.severity().name(), v.message(), p.references(), p.remediation()),
                            waived);
                })
                .toList();
    }
}
