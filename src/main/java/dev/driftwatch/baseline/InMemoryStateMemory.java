package dev.driftwatch.baseline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The memory of one process: the one-shot check, which has no database, and tests without one. */
final class InMemoryStateMemory implements StateMemory {

    private final Map<String, KnownState> byName = new ConcurrentHashMap<>();

    @Override
    public Map<String, KnownState> of(String source) {
        Map<String, KnownState> states = new LinkedHashMap<>();
        byName.values().stream().filter(s -> s.source().equals(source)).forEach(s -> states.put(s.name(), s));
        return states;
    }

    @Override
    public void remember(String source, Collection<KnownState> states) {
        byName.values().removeIf(s -> s.source().equals(source));
        states.forEach(s -> byName.put(s.name(), s));
    }

    @Override
    public List<KnownState> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public Optional<KnownState> forget(String name) {
        return Optional.ofNullable(byName.remove(name));
    }
}
