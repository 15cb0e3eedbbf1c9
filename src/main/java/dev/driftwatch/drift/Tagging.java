package dev.driftwatch.drift;

import java.util.Map;
import java.util.TreeMap;

/**
 * Tags as the cloud holds them. A state's {@code tags} has only the tags written on the resource;
 * {@code tags_all} adds the provider's {@code default_tags}, which the cloud has too, so it wins when present.
 */
final class Tagging {

    private Tagging() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> effectiveTags(Map<String, Object> attributes) {
        Object all = attributes.get("tags_all");
        Object tags = all instanceof Map<?, ?> m && !m.isEmpty() ? all : attributes.get("tags");
        return tags instanceof Map<?, ?> map ? new TreeMap<>((Map<String, Object>) map) : new TreeMap<>();
    }
}
