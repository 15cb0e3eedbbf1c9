package dev.driftwatch.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code aws_security_group} attributes as the Terraform AWS provider writes them into a state. */
public final class SecurityGroups {

    private SecurityGroups() {}

    public static Map<String, Object> attributes(
            String id,
            String name,
            String vpcId,
            String region,
            Map<String, String> tags,
            List<Map<String, Object>> ingress) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", "arn:aws:ec2:" + region + ":" + Moto.ACCOUNT + ":security-group/" + id);
        a.put("description", "Managed by Terraform");
        a.put("egress", List.of(rule("-1", 0, 0, "0.0.0.0/0")));
        a.put("id", id);
        a.put("ingress", ingress);
        a.put("name", name);
        a.put("name_prefix", "");
        a.put("owner_id", Moto.ACCOUNT);
        a.put("revoke_rules_on_delete", false);
        a.put("tags", tags);
        a.put("tags_all", tags);
        a.put("timeouts", null);
        a.put("vpc_id", vpcId);
        return a;
    }

    public static Map<String, Object> rule(String protocol, int from, int to, String... cidrs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cidr_blocks", List.of(cidrs));
        r.put("description", "");
        r.put("from_port", from);
        r.put("ipv6_cidr_blocks", List.of());
        r.put("prefix_list_ids", List.of());
        r.put("protocol", protocol);
        r.put("security_groups", List.of());
        r.put("self", false);
        r.put("to_port", to);
        return r;
    }
}
