package dev.driftwatch.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of a refresh-only plan's {@code resource_drift}: a managed resource Terraform found changed
 * ({@code update}) or gone ({@code delete}) outside Terraform, with its attributes before and after.
 */
public record TerraformDrift(
        String address, String type, String action, Map<String, Object> before, Map<String, Object> after) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    static TerraformDrift of(JsonNode node) {
        JsonNode change = node.path("change");
        return new TerraformDrift(
                node.path("address").asText(),
                node.path("type").asText(),
                String.join(",", JSON.convertValue(change.path("actions"), String[].class)),
                attributes(change.path("before")),
                attributes(change.path("after")));
    }

    private static Map<String, Object> attributes(JsonNode values) {
        return values.isObject() ? JSON.convertValue(values, MAP) : Map.of();
    }

    /**
     * The top-level attributes whose value changed. A value going from {@code null} to empty ({@code {}},
     * {@code []}) or back is not a change: the provider re-reads an unset map or list as empty.
     */
    public Set<String> changedAttributes() {
        Set<String> changed = new TreeSet<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!Objects.equals(b, a) && !(empty(b) && empty(a))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private static boolean empty(Object value) {
        return value == null
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }
}
