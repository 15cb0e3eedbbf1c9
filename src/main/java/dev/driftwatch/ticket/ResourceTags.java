package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import java.util.Map;
import java.util.Optional;

/**
 * A finding's resource tags, for routes that match on them (the service's: {@link SnapshotTags}). Unknown tags match
 * no route that asks for tags (fail closed: the ticket goes to the next route or the default sink, never nowhere).
 */
@FunctionalInterface
public interface ResourceTags {

    /** No tags known for any finding. */
    ResourceTags UNKNOWN = finding -> Optional.empty();

    /** The tags, or empty when they are not known (not "no tags"). */
    Optional<Map<String, String>> of(FindingView finding);
}
