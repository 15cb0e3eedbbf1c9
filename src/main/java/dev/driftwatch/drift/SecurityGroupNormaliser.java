package dev.driftwatch.drift;

import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code aws_security_group}: compares name, description, vpc_id, tags, ingress and egress. Rules are
 * compared as sets of single permissions ("tcp 22-22 from 0.0.0.0/0"), so grouping, ordering, protocol
 * numbers vs names and absent vs zero ports do not count as drift.
 */
@ApplicationScoped
public class SecurityGroupNormaliser implements Normaliser {

    private static final Map<String, String> PROTOCOL_NAMES =
            Map.of("6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6", "all", "-1");
    private static final List<String> SOURCE_FIELDS =
            List.of("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups");

    @Override
    public String resourceType() {
        return "aws_security_group";
    }

    @Override
    public Map<String, Object> normalise(Map<String, Object> attributes) {
        String owner = Objects.toString(attributes.get("owner_id"), "");
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("name", attributes.get("name"));
        canonical.put("description", attributes.get("description"));
        canonical.put("vpc_id", attributes.get("vpc_id"));
        canonical.put("tags", Tagging.effectiveTags(attributes));
        canonical.put("ingress", permissions(attributes.get("ingress"), owner));
        canonical.put("egress", permissions(attributes.get("egress"), owner));
        return canonical;
    }

    @Override
    public boolean awsManaged(CloudResource live) {
        return "default".equals(live.attributes().get("name"));
    }

    static List<String> permissions(Object rules, String owner) {
        TreeSet<String> permissions = new TreeSet<>();
        if (rules instanceof List<?> list) {
            for (Object rule : list) {
                if (rule instanceof Map<?, ?> map) {
                    permissions.addAll(permissionsOf(map, owner));
                }
            }
        }
        return new ArrayList<>(permissions);
    }

    private static List<String> permissionsOf(Map<?, ?> rule, String owner) {
        String protocol = protocol(rule.get("protocol"));
        boolean allTraffic = "-1".equals(protocol);
        String ports = allTraffic ? "all" : port(rule.get("from_port")) + "-" + port(rule.get("to_port"));
        String description = Objects.toString(rule.get("description"), "");
        String suffix = description.isEmpty() ? "" : " \"" + description + "\"";
        List<String> sources = new ArrayList<>();
        for (String field : SOURCE_FIELDS) {
            if (rule.get(field) instanceof List<?> values) {
                values.forEach(v -> sources.add(source(v.toString(), owner)));
            }
        }
        if (Boolean.TRUE.equals(rule.get("self"))) {
            sources.add("self");
        }
        return sources.stream()
                .map(s -> protocol + " " + ports + " " + s + suffix)
                .toList();
    }

    private static String protocol(Object value) {
        String protocol = Objects.toString(value, "-1").toLowerCase();
        return PROTOCOL_NAMES.getOrDefault(protocol, protocol);
    }

    private static String port(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : Objects.toString(value, "0");
    }

    /** Same-account group references may carry the owner ({@code 123456789012/sg-1}); drop it. */
    private static String source(String value, String owner) {
        return !owner.isEmpty() && value.startsWith(owner + "/") ? value.substring(owner.length() + 1) : value;
    }
}
