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
 * @param cannotFix why the action cannot fix what it read (a required tag without a default value, a state value
 *               driftwatch cannot interpret or AWS cannot go back to): nothing is written, and it is not fixed
 *               either; empty otherwise
 */
public record Reading(
        boolean exists, Map<String, String> tags, Optional<Fix> fix, boolean moved, Optional<String> cannotFix) {

    public Reading {
        tags = Map.copyOf(tags);
    }

    public Reading(boolean exists, Map<String, String> tags, Optional<Fix> fix, boolean moved) {
        this(exists, tags, fix, moved, Optional.empty());
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

    /** Needs a fix this action cannot make; {@code why} says what is missing, for a person to act on. */
    public static Reading cannotFix(Map<String, String> tags, String why) {
        return new Reading(true, tags, Optional.empty(), false, Optional.of(why));
    }

    /** Read back as it should be after the fix. */
    public boolean isFixed() {
        return exists && fix.isEmpty() && !moved && cannotFix.isEmpty();
    }
}
