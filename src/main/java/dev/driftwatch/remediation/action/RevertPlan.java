package dev.driftwatch.remediation.action;

import dev.driftwatch.resource.AttributeValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a drift revert does with each attribute the finding names, from {@code expected} (the state's value) and
 * {@code seen} (the value the finding saw), compared with the value read now as drift compares values
 * ({@link AttributeValues#same}): now as expected, nothing; now as seen, the state's value is written; anything else
 * changed again since the finding (moved: stale, nothing is written).
 *
 * @param writes attribute to the state's value, for each attribute to write
 * @param moved  the attributes that changed again since the finding
 */
public record RevertPlan(Map<String, Object> writes, Set<String> moved) {

    public static RevertPlan of(Map<String, ?> expected, Map<String, ?> seen, Map<String, ?> now) {
        Map<String, Object> writes = new TreeMap<>();
        Set<String> moved = new TreeSet<>();
        for (Map.Entry<String, ?> attribute : expected.entrySet()) {
            String key = attribute.getKey();
            Object is = now.get(key);
            if (AttributeValues.same(attribute.getValue(), is)) {
                continue;
            }
            if (AttributeValues.same(seen.get(key), is)) {
                writes.put(key, attribute.getValue());
            } else {
                moved.add(key);
            }
        }
        return new RevertPlan(writes, moved);
    }

    /** The plan for a target whose parameters are a drift revert's ({@code expected}, {@code seen}). */
    public static RevertPlan of(Target target, Map<String, ?> now) {
        return of(expected(target), map(target, "seen"), now);
    }

    /** The state's values the finding names, by attribute. */
    public static Map<String, Object> expected(Target target) {
        return map(target, "expected");
    }

    public boolean isMoved() {
        return !moved.isEmpty();
    }

    public boolean isDone() {
        return moved.isEmpty() && writes.isEmpty();
    }

    private static Map<String, Object> map(Target target, String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (target.parameters().get(name) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(k.toString(), v));
        }
        return values;
    }
}
