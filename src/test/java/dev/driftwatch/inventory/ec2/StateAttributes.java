package dev.driftwatch.inventory.ec2;

import java.util.LinkedHashMap;
import java.util.Map;

/** A state instance's attributes written as key/value pairs, nulls allowed as the provider writes them. */
final class StateAttributes {

    private StateAttributes() {}

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return attributes;
    }
}
