package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state's attribute values as plain Java values (maps, lists, strings, numbers, booleans), built in one
 * pass and sized exactly. States repeat the same short strings thousands of times (protocols, regions,
 * tag values, "Managed by Terraform"); one copy of each is kept, which matters for large states held in
 * memory between scans.
 */
final class StateValues {

    private static final int SHARED_UP_TO = 64;

    private final Map<String, String> shared = new HashMap<>();

    Map<String, Object> object(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, (int) (node.size() / 0.75f) + 1));
        node.fields().forEachRemaining(field -> map.put(field.getKey(), value(field.getValue())));
        return map;
    }

    private Object value(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(value(element)));
                yield list;
            }
            case STRING -> text(node.textValue());
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            default -> null; // null, and binary or missing values, which a state does not hold
        };
    }

    private String text(String text) {
        return text.length() > SHARED_UP_TO ? text : shared.computeIfAbsent(text, t -> t);
    }
}
