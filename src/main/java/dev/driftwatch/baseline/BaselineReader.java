package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads every state of every source, reusing what was read before when a state has not changed (same
 * version, or same serial and lineage). One broken state or source is reported by name; the others are
 * still used. Counted in {@code driftwatch_state_reads_total{source, outcome}}: parsed, unchanged, failed.
 */
final class BaselineReader {

    private static final Logger LOG = Logger.getLogger(BaselineReader.class);

    private final Map<StateSource, StateResourceMapper> sources = new LinkedHashMap<>();
    private final TerraformStateParser parser;
    private final MeterRegistry metrics;
    private final StateCache cache = new StateCache();

    BaselineReader(List<StateSource> sources, ObjectMapper mapper, MeterRegistry metrics) {
        sources.forEach(source -> this.sources.put(source, new StateResourceMapper(source.locations())));
        this.parser = new TerraformStateParser(mapper);
        this.metrics = metrics;
    }

    /** Synchronized: scans of several targets ask at once, and one read of a changed state serves them all. */
    synchronized BaselineSnapshot load() {
        Round round = new Round();
        Set<String> listed = new HashSet<>();
        for (Map.Entry<StateSource, StateResourceMapper> entry : sources.entrySet()) {
            StateSource source = entry.getKey();
            List<StateObject> states;
            try {
                states = source.states();
            } catch (StateFileException e) {
                round.failed(source, e.error());
                // The states it held last time are unread now, not gone: their findings must stay open.
                round.failedSources.addAll(cache.lastListed(source));
                listed.addAll(cache.lastListed(source));
                continue;
            }
            cache.listed(source, states.stream().map(StateObject::name).toList());
            StateResourceMapper locations = entry.getValue();
            for (StateObject state : states) {
                listed.add(state.name());
                try {
                    round.resources.addAll(read(source, state, locations));
                } catch (StateFileException e) {
                    round.failed(source, e.error());
                }
            }
        }
        cache.retainOnly(listed);
        return new BaselineSnapshot(List.copyOf(round.resources), List.copyOf(round.errors), List.copyOf(round.failedSources));
    }

    private List<ExpectedResource> read(StateSource source, StateObject state, StateResourceMapper locations)
            throws StateFileException {
        StateCache.Entry known = cache.get(state.name());
        Optional<StateObject.Download> download = state.openIfChanged(known == null ? null : known.version());
        if (download.isEmpty()) {
            count(source, "unchanged");
            return known.resources();
        }
        try (InputStream body = download.get().body()) {
            ParsedState parsed = parser.parse(state.name(), body, locations,
                    header -> known != null && header.equals(known.header()));
            List<ExpectedResource> resources = parsed.unchanged() ? known.resources() : parsed.resources();
            cache.put(state.name(), new StateCache.Entry(download.get().version(), parsed.header(), resources));
            count(source, parsed.unchanged() ? "unchanged" : "parsed");
            return resources;
        } catch (IOException e) {
            throw new StateFileException(state.name(), "cannot be read: " + e.getMessage());
        }
    }

    private void count(StateSource source, String outcome) {
        metrics.counter("driftwatch.state.reads", "source", source.label(), "outcome", outcome).increment();
    }

    /** What one load gathered. */
    private final class Round {
        final List<ExpectedResource> resources = new ArrayList<>();
        final List<StateError> errors = new ArrayList<>();
        final List<String> failedSources = new ArrayList<>();

        void failed(StateSource source, StateError error) {
            LOG.errorf("Terraform state not used: %s", error);
            errors.add(error);
            failedSources.add(error.source());
            count(source, "failed");
        }
    }
}
