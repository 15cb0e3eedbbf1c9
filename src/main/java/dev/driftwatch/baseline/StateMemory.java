package dev.driftwatch.baseline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What each source listed at its last read, kept across reads (and, in the service, restarts and replicas). */
interface StateMemory {

    /** The states a source listed before, by name. */
    Map<String, KnownState> of(String source);

    /** Replaces what is remembered of a source with these states. */
    void remember(String source, Collection<KnownState> states);

    List<KnownState> all();

    /** Forgets one state (an operator confirmed it gone); empty when it was not known. */
    Optional<KnownState> forget(String name);
}
