package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.SecurityGroupRuleIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code aws_security_group_rule} whose state entry lists several sources ({@code cidr_blocks = [a, b]})
 * is one entry under one id in Terraform but one rule per source in AWS, each collected under the id the
 * provider would give it alone. The entry is split the same way, so that each rule meets its live twin
 * instead of the whole entry reading as MISSING; every part keeps the entry's address.
 */
final class SecurityGroupRuleSplit {

    private static final String TYPE = "aws_security_group_rule";
    private static final List<String> SOURCES = List.of("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids");

    private SecurityGroupRuleSplit() {}

    static List<ExpectedResource> split(List<ExpectedResource> expected) {
        if (expected.stream().noneMatch(SecurityGroupRuleSplit::multiSource)) {
            return expected;
        }
        List<ExpectedResource> split = new ArrayList<>(expected.size());
        expected.forEach(e -> split.addAll(multiSource(e) ? parts(e) : List.of(e)));
        return split;
    }

    private static boolean multiSource(ExpectedResource entry) {
        Map<String, Object> a = entry.resource().attributes();
        return entry.resource().type().equals(TYPE)
                && SOURCES.stream().mapToInt(f -> list(a.get(f)).size()).sum() > 1;
    }

    private static List<ExpectedResource> parts(ExpectedResource entry) {
        CloudResource rule = entry.resource();
        Map<String, Object> a = rule.attributes();
        String protocol = SecurityGroupRuleIds.protocolForValue(Objects.toString(a.get("protocol"), null));
        List<ExpectedResource> parts = new ArrayList<>();
        for (String field : SOURCES) {
            for (Object source : list(a.get(field))) {
                String id = SecurityGroupRuleIds.id(
                        String.valueOf(a.get("security_group_id")),
                        String.valueOf(a.get("type")),
                        protocol,
                        port(a.get("from_port")),
                        port(a.get("to_port")),
                        source + "-");
                Map<String, Object> one = new LinkedHashMap<>(a);
                SOURCES.forEach(f -> one.put(f, List.of()));
                one.put(field, List.of(source));
                one.put("id", id);
                one.remove("security_group_rule_id"); // AWS's id of one rule; the entry cannot hold all of them
                parts.add(new ExpectedResource(
                        new CloudResource(
                                TYPE,
                                id,
                                rule.account(),
                                rule.region(),
                                rule.arn(),
                                one,
                                rule.createdAt(),
                                rule.awsManaged()),
                        entry.address(),
                        entry.stateFile(),
                        entry.sensitive()));
            }
        }
        return parts;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static int port(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
