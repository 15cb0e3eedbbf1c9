package dev.driftwatch.drift;

import dev.driftwatch.testsupport.AppliedState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Security-group rules as single permissions ({@code "ingress tcp 443-443 10.0.0.0/8"}), to tell which
 * rules of a group's {@code ingress}/{@code egress} belong to separate rule resources of a state: when
 * Terraform refreshes a group it re-reads those too, and reports them as the group's drift.
 */
final class RulePermissions {

    private static final List<String> SOURCES = List.of(
            "cidr_blocks",
            "ipv6_cidr_blocks",
            "prefix_list_ids",
            "security_groups",
            "source_security_group_id",
            "cidr_ipv4",
            "cidr_ipv6",
            "prefix_list_id",
            "referenced_security_group_id");

    private RulePermissions() {}

    /** The permissions of a group's inline blocks ({@code ingress} or {@code egress} of an aws_security_group). */
    static Set<String> ofBlocks(String direction, Object blocks) {
        Set<String> permissions = new HashSet<>();
        if (blocks instanceof List<?> list) {
            list.forEach(block -> permissions.addAll(of(direction, (Map<?, ?>) block, "protocol")));
        }
        return permissions;
    }

    /** The permissions the state's separate rule resources hold on a group. */
    static Set<String> ofRuleResources(AppliedState state, String groupId, String direction) {
        Set<String> permissions = new HashSet<>();
        state.byAddress().forEach((address, attributes) -> {
            if (!groupId.equals(attributes.get("security_group_id"))) {
                return;
            }
            if (address.contains("aws_security_group_rule.") && direction.equals(attributes.get("type"))) {
                permissions.addAll(of(direction, attributes, "protocol"));
            } else if (address.contains("aws_vpc_security_group_" + direction + "_rule.")) {
                permissions.addAll(of(direction, attributes, "ip_protocol"));
            }
        });
        return permissions;
    }

    private static List<String> of(String direction, Map<?, ?> rule, String protocolField) {
        String prefix = direction + " " + rule.get(protocolField) + " " + port(rule.get("from_port")) + "-"
                + port(rule.get("to_port")) + " ";
        List<String> permissions = new ArrayList<>();
        for (String field : SOURCES) {
            Object value = rule.get(field);
            if (value instanceof List<?> values) {
                values.forEach(v -> permissions.add(prefix + v));
            } else if (value instanceof String s && !s.isEmpty()) {
                permissions.add(prefix + s);
            }
        }
        if (Boolean.TRUE.equals(rule.get("self"))) {
            permissions.add(prefix + "self");
        }
        return permissions;
    }

    private static String port(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : Objects.toString(value, "0");
    }
}
