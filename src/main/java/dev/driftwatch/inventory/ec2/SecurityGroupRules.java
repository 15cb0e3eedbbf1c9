package dev.driftwatch.inventory.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Flattens EC2 permissions into the rule blocks the Terraform AWS provider stores in {@code ingress} and
 * {@code egress}: one block per permission and description, sources grouped by kind, a reference to the
 * group itself as {@code self}, and ports 0 where AWS reports none (protocol -1).
 */
public final class SecurityGroupRules {

    private SecurityGroupRules() {}

    public static List<Map<String, Object>> flatten(String groupId, String ownerId, List<IpPermission> permissions) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            Map<String, Map<String, Object>> byDescription = new LinkedHashMap<>();
            permission
                    .ipRanges()
                    .forEach(r -> add(byDescription, permission, r.description(), "cidr_blocks", r.cidrIp()));
            permission
                    .ipv6Ranges()
                    .forEach(r -> add(byDescription, permission, r.description(), "ipv6_cidr_blocks", r.cidrIpv6()));
            permission
                    .prefixListIds()
                    .forEach(p -> add(byDescription, permission, p.description(), "prefix_list_ids", p.prefixListId()));
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                if (groupId.equals(pair.groupId())) {
                    rule(byDescription, permission, pair.description()).put("self", true);
                } else {
                    add(
                            byDescription,
                            permission,
                            pair.description(),
                            "security_groups",
                            groupReference(pair, ownerId));
                }
            }
            rules.addAll(byDescription.values());
        }
        return rules;
    }

    private static String groupReference(UserIdGroupPair pair, String ownerId) {
        boolean otherAccount = pair.userId() != null && !pair.userId().equals(ownerId);
        return otherAccount ? pair.userId() + "/" + pair.groupId() : pair.groupId();
    }

    @SuppressWarnings("unchecked")
    private static void add(
            Map<String, Map<String, Object>> byDescription,
            IpPermission permission,
            String description,
            String field,
            String value) {
        ((List<String>) rule(byDescription, permission, description).get(field)).add(value);
    }

    private static Map<String, Object> rule(
            Map<String, Map<String, Object>> byDescription, IpPermission permission, String description) {
        String key = description == null ? "" : description;
        return byDescription.computeIfAbsent(key, d -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("cidr_blocks", new ArrayList<String>());
            rule.put("description", d);
            rule.put("from_port", permission.fromPort() == null ? 0 : permission.fromPort());
            rule.put("ipv6_cidr_blocks", new ArrayList<String>());
            rule.put("prefix_list_ids", new ArrayList<String>());
            rule.put("protocol", permission.ipProtocol());
            rule.put("security_groups", new ArrayList<String>());
            rule.put("self", false);
            rule.put("to_port", permission.toPort() == null ? 0 : permission.toPort());
            return rule;
        });
    }
}
