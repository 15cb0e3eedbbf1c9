package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Security-group rules a state manages as their own resources ({@code aws_security_group_rule},
 * {@code aws_vpc_security_group_ingress_rule}, {@code ..._egress_rule}). Their group's {@code ingress} and
 * {@code egress} hold them too in AWS (and in the state after a refresh, not before), so they are left out
 * of the group's comparison on both sides: each such rule is compared once, as its own resource, while a
 * rule added by hand, which no state holds, still shows on the group.
 */
final class SeparateRules {

    private static final Map<String, String> DIRECTION_OF_TYPE =
            Map.of("aws_vpc_security_group_ingress_rule", "ingress", "aws_vpc_security_group_egress_rule", "egress");

    /** Group id → "direction permission" (as {@link SecurityGroupNormaliser} writes one, without description). */
    private final Map<String, Set<String>> byGroup = new HashMap<>();

    static SeparateRules of(List<ExpectedResource> expected) {
        SeparateRules rules = new SeparateRules();
        expected.forEach(e -> rules.add(e.resource().type(), e.resource().attributes()));
        return rules;
    }

    private void add(String type, Map<String, Object> a) {
        String group = String.valueOf(a.get("security_group_id"));
        Map<String, Object> block = new HashMap<>();
        String direction;
        if (type.equals("aws_security_group_rule")) {
            direction = String.valueOf(a.get("type"));
            block.putAll(a);
            block.remove("description");
            reference(block, group, a.get("source_security_group_id"));
        } else if (DIRECTION_OF_TYPE.containsKey(type)) {
            direction = DIRECTION_OF_TYPE.get(type);
            block.put("protocol", a.get("ip_protocol"));
            block.put("from_port", a.get("from_port"));
            block.put("to_port", a.get("to_port"));
            block.put("cidr_blocks", single(a.get("cidr_ipv4")));
            block.put("ipv6_cidr_blocks", single(a.get("cidr_ipv6")));
            block.put("prefix_list_ids", single(a.get("prefix_list_id")));
            reference(block, group, a.get("referenced_security_group_id"));
        } else {
            return;
        }
        SecurityGroupNormaliser.permissions(List.of(block), "")
                .forEach(p ->
                        byGroup.computeIfAbsent(group, g -> new HashSet<>()).add(direction + " " + p));
    }

    /** A rule naming its own group is the {@code self} rule of the group's inline form. */
    private static void reference(Map<String, Object> block, String group, Object referenced) {
        block.put("security_groups", group.equals(referenced) ? List.of() : single(referenced));
        block.put("self", group.equals(referenced) || Boolean.TRUE.equals(block.get("self")));
    }

    private static List<Object> single(Object value) {
        return value == null || "".equals(value) ? List.of() : List.of(value);
    }

    /** The group's normalised attributes without the rules managed on their own. */
    Map<String, Object> leaveOut(String groupId, Map<String, Object> group) {
        Set<String> separate = byGroup.get(groupId);
        if (separate == null) {
            return group;
        }
        Map<String, Object> rest = new LinkedHashMap<>(group);
        for (String direction : List.of("ingress", "egress")) {
            if (group.get(direction) instanceof List<?> permissions) {
                rest.put(
                        direction,
                        permissions.stream()
                                .filter(p -> !separate.contains(direction + " " + withoutDescription(p.toString())))
                                .toList());
            }
        }
        return rest;
    }

    private static String withoutDescription(String permission) {
        int quote = permission.indexOf(" \"");
        return quote < 0 ? permission : permission.substring(0, quote);
    }
}
