package dev.driftwatch.drift;

import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two normalised attribute maps. Maps are compared key by key ({@code tags.Owner}); lists and
 * scalars as a whole, by {@link AttributeValues#same}. Absent, null, empty string and empty collection are the same value (top-level keys a
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
            } else if (e instanceof Map<?, ?> em && AttributeValues.isEmpty(a)) {
                diffMaps(path + ".", em, Map.of(), diffs);
            } else if (a instanceof Map<?, ?> am && AttributeValues.isEmpty(e)) {
                diffMaps(path + ".", Map.of(), am, diffs);
            } else if (!AttributeValues.same(e, a)) {
                diffs.add(new AttributeDiff(path, e, a));
            }
        }
    }
}
