package dev.driftwatch.remediation.action;

import java.util.Map;
import java.util.Optional;

/**
 * What an action read of its resource.
 *
 * @param exists whether the resource is there at all
 * @param tags   its tags, for the opt-out tag
 * @param fix    the one write that would fix it; empty when nothing is to be written
 * @param moved  the resource changed since the finding to something neither the finding saw nor what the fix
 *               would write (a drift revert): not to be written, and not fixed either
 */
public record Reading(boolean exists, Map<String, String> tags, Optional<Fix> fix, boolean moved) {

    public Reading {
        tags = Map.copyOf(tags);
    }

    public static Reading gone() {
        return new Reading(false, Map.of(), Optional.empty(), false);
    }

    public static Reading fixed(Map<String, String> tags) {
        return new Reading(true, tags, Optional.empty(), false);
    }

    public static Reading needs(Map<String, String> tags, Fix fix) {
        return new Reading(true, tags, Optional.of(fix), false);
    }

    public static Reading moved(Map<String, String> tags) {
        return new Reading(true, tags, Optional.empty(), true);
    }

    /** Read back as it should be after the fix. */
    public boolean isFixed() {
        return exists && fix.isEmpty() && !moved;
    }
}
