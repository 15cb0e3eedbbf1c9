package dev.driftwatch.inventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 tag lists as the map Terraform stores in {@code tags}. */
final class Tags {

    private Tags() {
    }

    static Map<String, Object> toMap(List<Tag> tags) {
        Map<String, Object> map = new TreeMap<>();
        if (tags != null) {
            tags.forEach(tag -> map.put(tag.key(), tag.value()));
        }
        return map;
    }
}
