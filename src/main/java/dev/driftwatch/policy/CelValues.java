package dev.driftwatch.policy;

import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resource attributes as CEL values: whole numbers as int (long), decimals as double, times as RFC 3339 strings. */
final class CelValues {

    private CelValues() {}

    /** {@code resource} as policies see it: its attributes plus type, id, account, region, arn and created_at. */
    static Map<String, Object> of(CloudResource resource) {
        Map<String, Object> value = new HashMap<>();
        resource.attributes().forEach((k, v) -> value.put(k, convert(v)));
        value.put("type", resource.type());
        value.put("id", resource.id());
        value.put("account", resource.account());
        value.put("region", resource.region());
        value.put("arn", resource.arn() == null ? "" : resource.arn());
        value.put(
                "created_at",
                resource.createdAt() == null ? "" : resource.createdAt().toString());
        value.putIfAbsent("tags", Map.of());
        return value;
    }

    static Object convert(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new HashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), convert(v)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(v -> converted.add(convert(v)));
            return converted;
        }
        if (value == null) {
            return dev.cel.common.values.NullValue.NULL_VALUE;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.toString();
        }
        return value;
    }
}
