package dev.driftwatch.sweeper.delete;

import dev.driftwatch.resource.CloudResource;
import java.util.Optional;

/** Reads the attributes a collector put on a resource, in the shapes the collectors use. */
final class Attributes {

    private Attributes() {}

    /** A text attribute; empty when absent or blank (collectors write {@code ""} for "none", as the provider does). */
    static Optional<String> text(CloudResource resource, String name) {
        return Optional.ofNullable(resource.attributes().get(name))
                .map(String::valueOf)
                .filter(s -> !s.isBlank());
    }

    /** A boolean attribute; absent is false. */
    static boolean flag(CloudResource resource, String name) {
        return Boolean.TRUE.equals(resource.attributes().get(name));
    }

    /** A text attribute the deleter cannot work without: absent means the resource did not come from its collector. */
    static String required(CloudResource resource, String name) {
        return text(resource, name)
                .orElseThrow(() -> new IllegalArgumentException(
                        resource.type() + " " + resource.id() + " has no " + name + " attribute"));
    }
}
