package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Reads every state of every source, reusing what was read before when a state has not changed (same
 * version, or same serial and lineage). One broken state or source is reported by name; the others are
 * still used. A source that lists no state, and a state listed before and not now, are unknown, never
 * "nothing managed" (see {@link VanishedStates}). Counted in {@code driftwatch_state_reads_total{source,
 * outcome}}: parsed, unchanged, failed, vanished.
 */
final class BaselineReader {

    private static final Logger LOG = Logger.getLogger(BaselineReader.class);

    private final Map<StateSource, StateResourceMapper> sources = new LinkedHashMap<>();
    private final TerraformStateParser parser;
    private final MeterRegistry metrics;
    private final StateMemory memory;
    private final ReadLimits limits;
    private final Clock clock;
    /** Only touched while {@link #reading} is held. */
    private final StateCache cache = new StateCache();
    /** One read at a time (it serves every scan waiting for it), and no scan waits for it without bound. */
    private final ReentrantLock reading = new ReentrantLock();

    private volatile Set<String> lastListed = Set.of();

    BaselineReader(List<StateSource> sources, ObjectMapper mapper, MeterRegistry metrics) {
        this(sources, mapper, metrics, new InMemoryStateMemory(), ReadLimits.DEFAULTS, Clock.systemUTC());
    }

    BaselineReader(
            List<StateSource> sources,
            ObjectMapper mapper,
            MeterRegistry metrics,
            StateMemory memory,
            ReadLimits limits,
            Clock clock) {
        sources.forEach(source -> this.sources.put(source, new StateResourceMapper(source.locations())));
        this.parser = new TerraformStateParser(mapper);
        this.metrics = metrics;
        this.memory = memory;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Every state as it is now. While another scan's read is under way this waits for it at most
     * {@code max-wait}; past that it answers at once with every state unknown (a problem, never complete).
     */
    BaselineSnapshot load() {
        try {
            if (!reading.tryLock(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return stillReading();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stillReading();
        }
        try {
            return readAll();
        } finally {
            reading.unlock();
        }
    }

    private BaselineSnapshot stillReading() {
        Set<String> unknown = new TreeSet<>(lastListed);
        try {
            memory.all().forEach(s -> unknown.add(s.name()));
        } catch (RuntimeException e) {
            LOG.warnf("Remembered states cannot be read: %s", e.getMessage());
        }
        StateError error = new StateError(
                "driftwatch.baseline",
                "another read of the states is still running after max-wait "
                        + limits.maxWait().toMillis() / 1000.0 + " s: every state is unknown for this scan");
        LOG.warn(error);
        return new BaselineSnapshot(List.of(), List.of(error), List.copyOf(unknown));
    }

    private BaselineSnapshot readAll() {
        ReadRound round = new ReadRound(metrics);
        sources.forEach((source, locations) -> readSource(source, locations, round));
        cache.retainOnly(round.listed);
        lastListed = Set.copyOf(round.listed);
        return round.snapshot();
    }

    private void readSource(StateSource source, StateResourceMapper locations, ReadRound round) {
        Map<String, KnownState> before;
        try {
            before = memory.of(source.id());
        } catch (RuntimeException e) {
            round.failed(
                    source,
                    new StateError(source.id(), "cannot tell which states it listed before: " + e.getMessage()),
                    cache.lastListed(source));
            return;
        }
        Set<String> known = new LinkedHashSet<>(before.keySet());
        known.addAll(cache.lastListed(source));
        List<StateObject> states;
        try {
            states = source.states();
            if (states.isEmpty()) {
                throw new StateFileException(
                        source.id(),
                        "no state found (" + source.lookedFor() + "): its resources are unknown, not unmanaged");
            }
        } catch (StateFileException e) {
            // The states it held last time are unread now, not gone: their findings must stay open.
            round.failed(source, e.error(), known);
            remember(source, before.values().stream().map(KnownState::failed).toList(), round);
            return;
        }
        List<String> names = states.stream().map(StateObject::name).toList();
        cache.listed(source, names);
        VanishedStates vanished = VanishedStates.of(before, names);
        if (vanished.tooMany(limits.maxVanishedShare())) {
            known.addAll(names);
            round.failed(source, new StateError(source.id(), vanished.sourceProblem()), known);
            remember(source, vanished.unread(source.id(), before, names, clock.instant()), round);
            return;
        }
        Map<String, KnownState> after = new LinkedHashMap<>();
        for (StateObject state : states) {
            round.listed.add(state.name());
            after.put(state.name(), readState(source, state, locations, before.get(state.name()), round));
        }
        settleVanished(source, vanished, after, round);
        remember(source, after.values(), round);
    }

    /** A vanished state stays unknown, unless a state of its lineage listed now holds no resources (destroyed). */
    private void settleVanished(
            StateSource source, VanishedStates vanished, Map<String, KnownState> after, ReadRound round) {
        Set<String> destroyedLineages = new HashSet<>();
        after.values().stream()
                .filter(s -> s.status() == KnownState.Status.DESTROYED)
                .forEach(s -> destroyedLineages.add(s.lineage()));
        for (KnownState gone : vanished.states()) {
            if (gone.lineage() != null && destroyedLineages.contains(gone.lineage())) {
                LOG.infof(
                        "State %s is gone: a state of its lineage %s holds no resources", gone.name(), gone.lineage());
                continue;
            }
            KnownState again = gone.vanishedAgain();
            after.put(gone.name(), again);
            round.vanished(source, new StateError(gone.name(), VanishedStates.problem(again, limits.vanishedRounds())));
        }
    }

    private KnownState readState(
            StateSource source, StateObject state, StateResourceMapper locations, KnownState before, ReadRound round) {
        Instant now = clock.instant();
        try {
            StateCache.Entry read = read(source, state, locations, round);
            round.resources.addAll(read.resources());
            String lineage = read.header() == null ? null : read.header().lineage();
            boolean destroyed = lineage != null && read.resources().isEmpty();
            return new KnownState(
                    state.name(),
                    source.id(),
                    lineage,
                    destroyed ? KnownState.Status.DESTROYED : KnownState.Status.READ,
                    now,
                    0);
        } catch (StateFileException e) {
            round.failed(source, e.error(), List.of());
            return new KnownState(
                    state.name(),
                    source.id(),
                    before == null ? null : before.lineage(),
                    KnownState.Status.FAILED,
                    now,
                    0);
        }
    }

    private void remember(StateSource source, Collection<KnownState> states, ReadRound round) {
        try {
            memory.remember(source.id(), states);
        } catch (RuntimeException e) {
            // This read is still right; the next one may not tell a vanished state, so it is said.
            round.failed(
                    source,
                    new StateError(source.id(), "the states it listed cannot be remembered: " + e.getMessage()),
                    List.of());
        }
    }

    private StateCache.Entry read(StateSource source, StateObject state, StateResourceMapper locations, ReadRound round)
            throws StateFileException {
        StateCache.Entry known = cache.get(state.name());
        Optional<StateObject.Download> download = state.openIfChanged(known == null ? null : known.version());
        if (download.isEmpty()) {
            round.count(source, "unchanged");
            return known;
        }
        try (InputStream body = download.get().body()) {
            ParsedState parsed = parser.parse(
                    state.name(), body, locations, header -> known != null && header.equals(known.header()));
            List<ExpectedResource> resources = parsed.unchanged() ? known.resources() : parsed.resources();
            StateCache.Entry entry = new StateCache.Entry(download.get().version(), parsed.header(), resources);
            cache.put(state.name(), entry);
            round.count(source, parsed.unchanged() ? "unchanged" : "parsed");
            return entry;
        } catch (IOException e) {
            throw new StateFileException(state.name(), "cannot be read: " + e.getMessage());
        }
    }
}
