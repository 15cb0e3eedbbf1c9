package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityGroupNormaliserTest {

    private static final String OWNER = "123456789012";

    private final SecurityGroupNormaliser normaliser = new SecurityGroupNormaliser();

    @Test
    void groupedAndSplitCidrBlocksAreTheSame() {
        assertSame(
                group(rule("tcp", 443, 443, "10.0.0.0/8", "192.168.0.0/16")),
                group(rule("tcp", 443, 443, "10.0.0.0/8"), rule("tcp", 443, 443, "192.168.0.0/16")));
    }

    @Test
    void orderOfRulesAndCidrsDoesNotMatter() {
        assertSame(
                group(rule("tcp", 22, 22, "10.0.0.0/8", "172.16.0.0/12"), rule("udp", 53, 53, "10.0.0.0/8")),
                group(rule("udp", 53, 53, "10.0.0.0/8"), rule("tcp", 22, 22, "172.16.0.0/12", "10.0.0.0/8")));
    }

    @Test
    void protocolNumbersAndNamesAreTheSame() {
        assertSame(group(rule("6", 80, 80, "0.0.0.0/0")), group(rule("tcp", 80, 80, "0.0.0.0/0")));
        assertSame(group(rule("all", 0, 0, "0.0.0.0/0")), group(rule("-1", 0, 0, "0.0.0.0/0")));
    }

    @Test
    void allTrafficWithZeroPortsEqualsAllTrafficWithoutPorts() {
        Map<String, Object> withoutPorts = rule("-1", 0, 0, "0.0.0.0/0");
        withoutPorts.remove("from_port");
        withoutPorts.remove("to_port");

        assertSame(group(rule("-1", 0, 0, "0.0.0.0/0")), group(withoutPorts));
    }

    @Test
    void ownAccountPrefixOnGroupReferencesIsIgnored() {
        assertSame(group(groupRule(OWNER + "/sg-1")), group(groupRule("sg-1")));
        assertDifferent(group(groupRule("210987654321/sg-1")), group(groupRule("sg-1")));
    }

    @Test
    void tagsAllWithProviderDefaultTagsWinsOverTags() {
        Map<String, Object> state = group();
        state.put("tags", Map.of("Team", "net"));
        state.put("tags_all", Map.of("Team", "net", "Env", "prod"));
        Map<String, Object> live = group();
        live.put("tags", Map.of("Env", "prod", "Team", "net"));
        Map<String, Object> liveWithoutDefaultTag = group();
        liveWithoutDefaultTag.put("tags", Map.of("Team", "net"));

        assertSame(state, live);
        assertDifferent(state, liveWithoutDefaultTag);
    }

    @Test
    void emptyAndAbsentTagsAreTheSame() {
        Map<String, Object> empty = group();
        empty.put("tags", Map.of());
        empty.put("tags_all", Map.of());

        assertSame(empty, group());
    }

    @Test
    void realDifferencesStayDifferent() {
        assertDifferent(group(rule("tcp", 22, 22, "10.0.0.0/8")), group(rule("tcp", 2222, 2222, "10.0.0.0/8")));
        assertDifferent(group(rule("tcp", 22, 22, "0.0.0.0/0")), group(rule("tcp", 22, 22, "10.0.0.0/8")));
        assertDifferent(group(rule("tcp", 22, 22, "10.0.0.0/8")), group(rule("udp", 22, 22, "10.0.0.0/8")));

        Map<String, Object> described = rule("tcp", 22, 22, "10.0.0.0/8");
        described.put("description", "bastion");
        assertDifferent(group(described), group(rule("tcp", 22, 22, "10.0.0.0/8")));

        Map<String, Object> otherDescription = group();
        otherDescription.put("description", "Managed by someone else");
        assertDifferent(group(), otherDescription);
    }

    private void assertSame(Map<String, Object> a, Map<String, Object> b) {
        assertThat(normaliser.normalise(a)).isEqualTo(normaliser.normalise(b));
    }

    private void assertDifferent(Map<String, Object> a, Map<String, Object> b) {
        assertThat(normaliser.normalise(a)).isNotEqualTo(normaliser.normalise(b));
    }

    @SafeVarargs
    private static Map<String, Object> group(Map<String, Object>... ingress) {
        Map<String, Object> group = new HashMap<>();
        group.put("id", "sg-0abc");
        group.put("name", "web");
        group.put("description", "Managed by Terraform");
        group.put("vpc_id", "vpc-1");
        group.put("owner_id", OWNER);
        group.put("ingress", List.of(ingress));
        group.put("egress", List.of(rule("-1", 0, 0, "0.0.0.0/0")));
        return group;
    }

    private static Map<String, Object> rule(String protocol, int from, int to, String... cidrs) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", protocol);
        rule.put("from_port", from);
        rule.put("to_port", to);
        rule.put("cidr_blocks", List.of(cidrs));
        rule.put("ipv6_cidr_blocks", List.of());
        rule.put("prefix_list_ids", List.of());
        rule.put("security_groups", List.of());
        rule.put("self", false);
        rule.put("description", "");
        return rule;
    }

    private static Map<String, Object> groupRule(String reference) {
        Map<String, Object> rule = rule("tcp", 5432, 5432);
        rule.put("security_groups", List.of(reference));
        return rule;
    }
}
