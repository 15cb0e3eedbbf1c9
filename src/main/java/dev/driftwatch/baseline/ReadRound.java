package dev.driftwatch.baseline;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What one read of every source gathered: the resources, the problems, the states that are unknown this
 * time (failed or vanished) and the states still to be kept in the cache. Counts each outcome in
 * {@code driftwatch_state_reads_total{source, outcome}}.
 */
final class ReadRound {

    private static final Logger LOG = Logger.getLogger(ReadRound.class);

    private final MeterRegistry metrics;
    final List<ExpectedResource> resources = new ArrayList<>();
    private final List<StateError> errors = new ArrayList<>();
    private final Set<String> unknownStates = new LinkedHashSet<>();
    final Set<String> listed = new HashSet<>();

    ReadRound(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** @param alsoUnknown states of the source that are unknown because of it, besides the one the error names */
    void failed(StateSource source, StateError error, Collection<String> alsoUnknown) {
        LOG.errorf("Terraform state not used: %s", error);
        add(error, alsoUnknown);
        count(source, "failed");
    }

    void vanished(StateSource source, StateError error) {
        LOG.warnf("Terraform state unknown: %s", error);
        add(error, List.of());
        count(source, "vanished");
    }

    void count(StateSource source, String outcome) {
        metrics.counter("driftwatch.state.reads", "source", source.label(), "outcome", outcome)
                .increment();
    }

    BaselineSnapshot snapshot() {
        return new BaselineSnapshot(List.copyOf(resources), List.copyOf(errors), List.copyOf(unknownStates));
    }

    private void add(StateError error, Collection<String> alsoUnknown) {
        errors.add(error);
        unknownStates.add(error.source());
        unknownStates.addAll(alsoUnknown);
        listed.addAll(alsoUnknown);
    }
}
