package dev.driftwatch.remediation.action;

import java.util.Map;
import java.util.Optional;

/**
 * What an action read of its resource.
 *
 * @param exists whether the resource is there at all
 * @param tags   its tags, for the opt-out tag
 * @param fix    the one write that would fix it; empty when nothing needs fixing (any more)
 */
public record Reading(boolean exists, Map<String, String> tags, Optional<Fix> fix) {

    public Reading {
        tags = Map.copyOf(tags);
    }

    public static Reading gone() {
        return new Reading(false, Map.of(), Optional.empty());
    }

    public static Reading fixed(Map<String, String> tags) {
        return new Reading(true, tags, Optional.empty());
    }

    public static Reading needs(Map<String, String> tags, Fix fix) {
        return new Reading(true, tags, Optional.of(fix));
    }
}
