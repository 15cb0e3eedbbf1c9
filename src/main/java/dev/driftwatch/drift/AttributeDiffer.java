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
 * scalars as a whole. Absent, null, empty string and empty collection are the same value (top-level keys a
 * state does not hold at all are left out before, see {@link StateUnknowns}). Lists are
 * compared without regard to order: most provider lists are sets, stored in hash order, and a
 * reordering alone is not a change anyone made.
 */
final class AttributeDiffer {

    private AttributeDiffer() {}

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
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            return e.size() == a.size() && canonical(e).equals(canonical(a));
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return canonical(e).equals(canonical(a));
        }
        return Objects.equals(expected, actual);
    }

    /** Elements as sorted canonical strings: numbers by value, maps by sorted key, lists as sets. */
    private static List<String> canonical(List<?> values) {
        return values.stream().map(AttributeDiffer::canonical).sorted().toList();
    }

    private static String canonical(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return canonical(list).toString();
        }
        if (value instanceof Map<?, ?> map) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> {
                if (!isEmpty(v)) {
                    sorted.put(k.toString(), canonical(v));
                }
            });
            return sorted.toString();
        }
        return String.valueOf(value);
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isEmpty()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }
}
