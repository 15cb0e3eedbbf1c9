package dev.driftwatch.resource;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When two attribute values are the same, as drift detection compares them: absent, null, empty string and empty
 * collection are one value; numbers by value; lists as sets (most provider lists are sets, stored in hash order);
 * maps key by key. A drift revert compares what it reads with the same rule, so what the differ called a change
 * and what a revert calls one cannot disagree.
 */
public final class AttributeValues {

    private AttributeValues() {}

    public static boolean same(Object expected, Object actual) {
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

    public static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isEmpty()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Elements as sorted canonical strings: numbers by value, maps by sorted key, lists as sets. */
    private static List<String> canonical(List<?> values) {
        return values.stream().map(AttributeValues::canonical).sorted().toList();
    }

    private static String canonical(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return canonical(list).toString();
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (!isEmpty(v)) {
                    sorted.put(k.toString(), canonical(v));
                }
            });
            return sorted.toString();
        }
        return String.valueOf(value);
    }
}
