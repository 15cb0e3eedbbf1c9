package dev.driftwatch.baseline;

import java.util.List;

/**
 * A state as read: its header (null when the state carries no serial and lineage), and its resources
 * unless reading stopped because the header showed the state had not changed.
 */
public record ParsedState(StateHeader header, boolean unchanged, List<ExpectedResource> resources) {

    static ParsedState unchanged(StateHeader header) {
        return new ParsedState(header, true, List.of());
    }
}
