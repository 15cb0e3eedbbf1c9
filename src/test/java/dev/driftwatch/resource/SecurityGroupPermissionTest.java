package dev.driftwatch.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.resource.SecurityGroupPermission.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The permission text drift compares, formatted from rule blocks and read back, both here only. */
class SecurityGroupPermissionTest {

    private static final String OWNER = "123456789012";

    @Test
    void everyKindOfSourceReadsBackToTheSameText() {
        Map<String, Object> rule = rule("tcp", 443, 443, "web");
        rule.put("cidr_blocks", List.of("10.0.0.0/8"));
        rule.put("ipv6_cidr_blocks", List.of("2001:db8::/32", "::/0"));
        rule.put("prefix_list_ids", List.of("pl-1a2b3c"));
        rule.put("security_groups", List.of("sg-0abc", OWNER + "/sg-same", "210987654321/sg-other"));
        rule.put("self", true);
        List<String> texts = SecurityGroupPermission.formatAll(
                List.of(rule, rule("-1", 0, 0, ""), rule("icmp", -1, -1, "ping \"quoted\" words")), OWNER);

        assertThat(texts)
                .contains(
                        "tcp 443-443 10.0.0.0/8 \"web\"",
                        "tcp 443-443 sg-same \"web\"",
                        "tcp 443-443 210987654321/sg-other \"web\"",
                        "tcp 443-443 self \"web\"",
                        "icmp -1--1 self \"ping \"quoted\" words\"");
        for (String text : texts) {
            assertThat(SecurityGroupPermission.parse(text).format()).isEqualTo(text);
        }
    }

    @Test
    void theSourceKindIsReadFromItsShape() {
        Map<String, Source> kinds = new LinkedHashMap<>();
        for (String text : List.of(
                "tcp 22-22 0.0.0.0/0",
                "tcp 22-22 ::/0",
                "tcp 22-22 pl-1a2b",
                "tcp 22-22 sg-1",
                "tcp 22-22 210987654321/sg-1",
                "-1 all self")) {
            SecurityGroupPermission p = SecurityGroupPermission.parse(text);
            kinds.put(p.value(), p.source());
        }
        assertThat(kinds)
                .containsExactly(
                        Map.entry("0.0.0.0/0", Source.IPV4_CIDR),
                        Map.entry("::/0", Source.IPV6_CIDR),
                        Map.entry("pl-1a2b", Source.PREFIX_LIST),
                        Map.entry("sg-1", Source.SECURITY_GROUP),
                        Map.entry("210987654321/sg-1", Source.SECURITY_GROUP),
                        Map.entry("self", Source.SELF));
    }

    @Test
    void portsProtocolAndDescriptionAreReadBack() {
        SecurityGroupPermission p = SecurityGroupPermission.parse("udp 1024-65535 10.0.0.0/8 \"high ports\"");

        assertThat(p)
                .isEqualTo(
                        new SecurityGroupPermission("udp", 1024, 65535, Source.IPV4_CIDR, "10.0.0.0/8", "high ports"));
        assertThat(SecurityGroupPermission.parse("-1 all 0.0.0.0/0").fromPort()).isNull();
    }

    @Test
    void textItCannotReadIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SecurityGroupPermission.parse("tcp abc-abc 0.0.0.0/0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ports 'abc-abc'");
        assertThatThrownBy(() -> SecurityGroupPermission.parse("tcp 22-22 default"))
                .hasMessageContaining("source 'default'");
        assertThatThrownBy(() -> SecurityGroupPermission.parse("tcp 22-22 10.0.0.0/8 unquoted"))
                .hasMessageContaining("double quotes");
        assertThatThrownBy(() -> SecurityGroupPermission.parse("-1 0-0 10.0.0.0/8"))
                .hasMessageContaining("'all'");
        assertThatThrownBy(() -> SecurityGroupPermission.parse("gre 0-0 10.0.0.0/8"))
                .hasMessageContaining("protocol 'gre'");
        assertThatThrownBy(() -> SecurityGroupPermission.parse("tcp 22-22")).hasMessageContaining("protocol ports");
    }

    private static Map<String, Object> rule(String protocol, int from, int to, String description) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", protocol);
        rule.put("from_port", from);
        rule.put("to_port", to);
        rule.put("description", description);
        if (!"tcp".equals(protocol)) {
            rule.put("self", true);
        }
        return rule;
    }
}
