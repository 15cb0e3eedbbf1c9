package dev.driftwatch.remediation.action;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2's tag lists as a map. */
final class Ec2Tags {

    private Ec2Tags() {}

    static Map<String, String> of(List<Tag> tags) {
        Map<String, String> map = new TreeMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
