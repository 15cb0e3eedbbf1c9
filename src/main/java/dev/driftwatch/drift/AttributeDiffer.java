package dev.driftwatch.drift;

import dev.driftwatch.resource.AttributeDiff;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two normalised attribute maps. Maps are compared key by key ({@code tags.Owner}); lists and
 * scalars as a whole. Absent, null, empty string and empty collection are the same value.
 */
final class AttributeDiffer {

    private AttributeDiffer() {
    }

    static List<AttributeDiff> diff(Map<String, Object> expected, Map<String, Object> actual) {
        List<AttributeDiff> diffs = new ArrayList<>();
        diffMaps("", expected, actual, diffs);
        return diffs;
    }

    private static void diffMaps(String prefix, Map<?, ?> expected, Map<?, ?> actual, List<AttributeDiff> diffs) {
        TreeSet<String> keys = new TreeSet<>();
        expected.keySet().forEach(k -> keys.add(k.toString()));
        actual.keySet().forEach(k -> keys.add(k.toString()));
        for (String key : keys) {
            Object e = expected.get(key);
            Object a = actual.get(key);
            String path = prefix + key;
            if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
                diffMaps(path + ".", em, am, diffs);
            } else if (e instanceof Map<?, ?> em && isEmpty(a)) {
                diffMaps(path + ".", em, Map.of(), diffs);
            } else if (a instanceof Map<?, ?> am && isEmpty(e)) {
                diffMaps(path + ".", Map.of(), am, diffs);
            } else if (!same(e, a)) {
                diffs.add(new AttributeDiff(path, e, a));
            }
        }
    }

    static boolean same(Object expected, Object actual) {
        if (isEmpty(expected) || isEmpty(actual)) {
            return isEmpty(expected) && isEmpty(actual);
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isEmpty()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }
}
