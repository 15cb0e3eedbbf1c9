package dev.driftwatch.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** A state entry's attributes written inline, nulls allowed as in a real state: {@code of("id", id, "tags", null)}. */
public final class StateAttributes {

    private StateAttributes() {}

    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return attributes;
    }
}
