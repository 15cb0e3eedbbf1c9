package dev.driftwatch.inventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Tag;

/** AWS tag lists as the map Terraform stores in {@code tags}. */
public final class Tags {

    private Tags() {}

    public static Map<String, Object> toMap(List<Tag> tags) {
        return toMap(tags, Tag::key, Tag::value);
    }

    /** Any service's tag list, e.g. {@code Tags.toMap(role.tags(), Tag::key, Tag::value)}. */
    public static <T> Map<String, Object> toMap(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, Object> map = new TreeMap<>();
        if (tags != null) {
            tags.forEach(tag -> map.put(key.apply(tag), value.apply(tag)));
        }
        return map;
    }
}
