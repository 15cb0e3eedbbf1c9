package dev.driftwatch.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The default comparison: exactly the attributes the collector reports, so a collector decides what is
 * compared by what it reads, and the many computed attributes a state holds besides are left alone.
 * Tags are compared as the cloud holds them ({@code tags_all} when the state has it).
 */
record ReportedAttributes(String resourceType, Set<String> reported) implements Normaliser {

    @Override
    public Map<String, Object> normalise(Map<String, Object> attributes) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (String key : reported) {
            if (!key.equals("tags_all")) {
                canonical.put(key, key.equals("tags") ? Tagging.effectiveTags(attributes) : attributes.get(key));
            }
        }
        return canonical;
    }
}
