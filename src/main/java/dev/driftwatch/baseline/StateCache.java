package dev.driftwatch.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was last read of each state (by name): its version, header and resources, so an unchanged state
 * is neither downloaded nor parsed again. Also which states each source held, so that when a source
 * cannot even be listed, the states it had are known to be unread rather than gone.
 */
final class StateCache {

    record Entry(String version, StateHeader header, List<ExpectedResource> resources) {}

    private final Map<String, Entry> byState = new HashMap<>();
    private final Map<StateSource, List<String>> statesBySource = new HashMap<>();

    Entry get(String state) {
        return byState.get(state);
    }

    void put(String state, Entry entry) {
        byState.put(state, entry);
    }

    /** Remembers the states a source listed this round. */
    void listed(StateSource source, List<String> states) {
        statesBySource.put(source, List.copyOf(states));
    }

    List<String> lastListed(StateSource source) {
        return statesBySource.getOrDefault(source, List.of());
    }

    /** Drops states that were not listed this round: a deleted state must not live on from memory. */
    void retainOnly(Set<String> listedThisRound) {
        byState.keySet().retainAll(listedThisRound);
    }
}
