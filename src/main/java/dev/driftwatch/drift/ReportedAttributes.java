package dev.driftwatch.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The default comparison: the attributes the collector reports, so a collector decides what is compared by
 * what it reads, and the many computed attributes a state holds besides are left alone. Of those it
 * reports, the ones AWS or the provider fills in ({@link #COMPUTED}: ARNs, owners, AWS's own ids and
 * timestamps) are not configuration and not compared: they follow from the id, or change only with a
 * change already reported elsewhere (a role re-created by hand still shows in its {@code unique_id}). Tags are compared as the cloud holds them ({@code tags_all} when the
 * state has it).
 */
record ReportedAttributes(String resourceType, Set<String> reported) implements Normaliser {

    static final Set<String> COMPUTED = Set.of(
            "arn",
            "owner_id",
            "security_group_rule_id",
            "create_date",
            "create_time",
            "key_pair_id",
            "engine_version_actual",
            "owner_alias",
            "tags_all");

    @Override
    public Map<String, Object> normalise(Map<String, Object> attributes) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (String key : reported) {
            if (!COMPUTED.contains(key)) {
                canonical.put(key, key.equals("tags") ? Tagging.effectiveTags(attributes) : attributes.get(key));
            }
        }
        return canonical;
    }
}
