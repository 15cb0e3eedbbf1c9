package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.inventory.ec2.SecurityGroupRuleCollector;
import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A group whose rules are written as separate resources: the group's own ingress/egress is not drift, each
 * rule is compared once as its own resource, and a rule added by hand is reported once, on the group.
 */
class SeparateSecurityGroupRulesTest {

    private static final String SG = "sg-0web";
    private static final Set<String> READ = Set.of(
            "aws_security_group",
            "aws_security_group_rule",
            "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule");
    private static final String SSH_A = SecurityGroupRuleCollector.id(SG, "ingress", "tcp", 22, 22, "10.0.0.0/8-");
    private static final String SSH_B = SecurityGroupRuleCollector.id(SG, "ingress", "tcp", 22, 22, "192.168.0.0/16-");
    /** The one id Terraform stores for the two blocks. */
    private static final String SSH =
            SecurityGroupRuleCollector.id(SG, "ingress", "tcp", 22, 22, "10.0.0.0/8-192.168.0.0/16-");

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void rulesFromSeparateResourcesAreNotTheGroupsDrift() {
        // Terraform created the group before its rules: its state holds no rule until the next refresh.
        assertThat(comparator
                        .compare(liveEstate(List.of()), state(List.of(), List.of()), READ, true)
                        .observations())
                .isEmpty();
    }

    @Test
    void aRefreshedGroupHoldingTheSeparateRulesIsNotDriftEither() {
        List<ExpectedResource> refreshed = state(
                List.of(block("tcp", 22, 22, "10.0.0.0/8", "192.168.0.0/16"), block("tcp", 443, 443, "0.0.0.0/0")),
                List.of(block("-1", 0, 0, "0.0.0.0/0")));

        assertThat(comparator
                        .compare(liveEstate(List.of()), refreshed, READ, true)
                        .observations())
                .isEmpty();
    }

    @Test
    void aRuleWithSeveralCidrBlocksMatchesOneAwsRulePerBlock() {
        List<ExpectedResource> state = state(List.of(), List.of());
        List<CloudResource> live = new ArrayList<>(liveEstate(List.of()));
        live.removeIf(r -> r.id().equals(SSH_B)); // one of the two blocks revoked by hand

        var drift = comparator.compare(live, state, READ, true).observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.MISSING);
            assertThat(o.resource().id()).isEqualTo(SSH_B);
            assertThat(o.resource().attributes()).containsEntry("cidr_blocks", List.of("192.168.0.0/16"));
            assertThat(o.address()).isEqualTo("aws_security_group_rule.ssh");
        });
    }

    @Test
    void aRuleAddedByHandIsReportedOnceOnTheGroup() {
        List<CloudResource> live = liveEstate(List.of(block("tcp", 3306, 3306, "10.1.0.0/16")));
        live.add(legacyRule(
                SecurityGroupRuleCollector.id(SG, "ingress", "tcp", 3306, 3306, "10.1.0.0/16-"), 3306, "10.1.0.0/16"));
        live.add(vpcRule("aws_vpc_security_group_ingress_rule", "sgr-hand", "tcp", 3306, "10.1.0.0/16"));

        var drift = comparator
                .compare(live, state(List.of(), List.of()), READ, true)
                .observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(o.resource().id()).isEqualTo(SG);
            assertThat(o.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("ingress");
                assertThat(d.expected()).isEqualTo(List.of());
                assertThat(d.actual()).isEqualTo(List.of("tcp 3306-3306 10.1.0.0/16"));
            });
        });
    }

    @Test
    void aDescriptionChangedOnASeparateRuleIsReportedOnThatRuleOnly() {
        List<CloudResource> live = liveEstate(List.of());
        live.replaceAll(
                r -> r.id().equals("sgr-https") ? vpcRule(r.type(), r.id(), "tcp", 443, "0.0.0.0/0", "edited") : r);
        live.replaceAll(r -> r.id().equals(SG)
                ? group(
                        List.of(
                                describedBlock("edited", "tcp", 443, 443, "0.0.0.0/0"),
                                block("tcp", 22, 22, "10.0.0.0/8", "192.168.0.0/16")),
                        List.of(block("-1", 0, 0, "0.0.0.0/0")))
                : r);

        var drift = comparator
                .compare(live, state(List.of(), List.of()), READ, true)
                .observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.resource().id()).isEqualTo("sgr-https");
            assertThat(o.diffs()).singleElement().satisfies(d -> assertThat(d.path())
                    .isEqualTo("description"));
        });
    }

    /** The group, a legacy rule with two CIDR blocks, and https in / all out as the newer rule types. */
    private static List<ExpectedResource> state(List<Map<String, Object>> ingress, List<Map<String, Object>> egress) {
        return List.of(
                expected(
                        "aws_security_group",
                        "web",
                        SG,
                        attrs(
                                "arn",
                                "arn:aws:ec2:eu-west-1:123456789012:security-group/" + SG,
                                "description",
                                "Managed by Terraform",
                                "egress",
                                egress,
                                "id",
                                SG,
                                "ingress",
                                ingress,
                                "name",
                                "web",
                                "name_prefix",
                                "",
                                "owner_id",
                                "123456789012",
                                "revoke_rules_on_delete",
                                false,
                                "tags",
                                Map.of(),
                                "tags_all",
                                Map.of(),
                                "timeouts",
                                null,
                                "vpc_id",
                                "vpc-1")),
                expected(
                        "aws_security_group_rule",
                        "ssh",
                        SSH,
                        attrs(
                                "cidr_blocks",
                                List.of("10.0.0.0/8", "192.168.0.0/16"),
                                "description",
                                "",
                                "from_port",
                                22,
                                "id",
                                SSH,
                                "ipv6_cidr_blocks",
                                null,
                                "prefix_list_ids",
                                null,
                                "protocol",
                                "tcp",
                                "security_group_id",
                                SG,
                                "security_group_rule_id",
                                "",
                                "self",
                                false,
                                "source_security_group_id",
                                null,
                                "timeouts",
                                null,
                                "to_port",
                                22,
                                "type",
                                "ingress")),
                expected(
                        "aws_vpc_security_group_ingress_rule",
                        "https",
                        "sgr-https",
                        vpcRuleState("sgr-https", "tcp", 443, "0.0.0.0/0")),
                expected(
                        "aws_vpc_security_group_egress_rule",
                        "all",
                        "sgr-out",
                        vpcRuleState("sgr-out", "-1", null, "0.0.0.0/0")));
    }

    private static Map<String, Object> vpcRuleState(String id, String protocol, Integer port, String cidr) {
        return attrs(
                "arn",
                "arn:aws:ec2:eu-west-1:123456789012:security-group-rule/" + id,
                "cidr_ipv4",
                cidr,
                "cidr_ipv6",
                null,
                "description",
                null,
                "from_port",
                port,
                "id",
                id,
                "ip_protocol",
                protocol,
                "prefix_list_id",
                null,
                "referenced_security_group_id",
                null,
                "security_group_id",
                SG,
                "security_group_rule_id",
                id,
                "tags",
                null,
                "tags_all",
                Map.of(),
                "to_port",
                port);
    }

    /** What the collectors return for that estate, plus extra ingress blocks on the group. */
    private static List<CloudResource> liveEstate(List<Map<String, Object>> extraIngress) {
        List<Map<String, Object>> ingress = new ArrayList<>(extraIngress);
        ingress.add(block("tcp", 22, 22, "10.0.0.0/8", "192.168.0.0/16"));
        ingress.add(block("tcp", 443, 443, "0.0.0.0/0"));
        List<CloudResource> live = new ArrayList<>(List.of(
                group(ingress, List.of(block("-1", 0, 0, "0.0.0.0/0"))),
                legacyRule(SSH_A, 22, "10.0.0.0/8"),
                legacyRule(SSH_B, 22, "192.168.0.0/16"),
                vpcRule("aws_vpc_security_group_ingress_rule", "sgr-https", "tcp", 443, "0.0.0.0/0"),
                vpcRule("aws_vpc_security_group_egress_rule", "sgr-out", "-1", null, "0.0.0.0/0")));
        // Every AWS rule is collected under the three rule types; the view a state does not use is never reported.
        live.add(vpcRule("aws_vpc_security_group_ingress_rule", "sgr-ssh-a", "tcp", 22, "10.0.0.0/8"));
        live.add(legacyRule(
                SecurityGroupRuleCollector.id(SG, "ingress", "tcp", 443, 443, "0.0.0.0/0-"), 443, "0.0.0.0/0"));
        return live;
    }

    private static CloudResource group(List<Map<String, Object>> ingress, List<Map<String, Object>> egress) {
        return live(
                "aws_security_group",
                SG,
                attrs(
                        "arn",
                        "arn:aws:ec2:eu-west-1:123456789012:security-group/" + SG,
                        "description",
                        "Managed by Terraform",
                        "egress",
                        egress,
                        "id",
                        SG,
                        "ingress",
                        ingress,
                        "name",
                        "web",
                        "owner_id",
                        "123456789012",
                        "tags",
                        Map.of(),
                        "vpc_id",
                        "vpc-1"));
    }

    private static CloudResource legacyRule(String id, int port, String cidr) {
        return live(
                "aws_security_group_rule",
                id,
                attrs(
                        "cidr_blocks",
                        List.of(cidr),
                        "description",
                        null,
                        "from_port",
                        port,
                        "id",
                        id,
                        "ipv6_cidr_blocks",
                        List.of(),
                        "prefix_list_ids",
                        List.of(),
                        "protocol",
                        "tcp",
                        "security_group_id",
                        SG,
                        "security_group_rule_id",
                        "sgr-" + id.hashCode(),
                        "self",
                        false,
                        "source_security_group_id",
                        null,
                        "to_port",
                        port,
                        "type",
                        "ingress"));
    }

    private static CloudResource vpcRule(String type, String id, String protocol, Integer port, String cidr) {
        return vpcRule(type, id, protocol, port, cidr, null);
    }

    private static CloudResource vpcRule(
            String type, String id, String protocol, Integer port, String cidr, String description) {
        Map<String, Object> a = vpcRuleState(id, protocol, port, cidr);
        a.remove("tags_all");
        a.put("description", description);
        a.put("tags", Map.of());
        return live(type, id, a);
    }

    private static Map<String, Object> block(String protocol, int from, int to, String... cidrs) {
        return describedBlock("", protocol, from, to, cidrs);
    }

    private static Map<String, Object> describedBlock(
            String description, String protocol, int from, int to, String... cidrs) {
        return attrs(
                "cidr_blocks",
                List.of(cidrs),
                "description",
                description,
                "from_port",
                from,
                "ipv6_cidr_blocks",
                List.of(),
                "prefix_list_ids",
                List.of(),
                "protocol",
                protocol,
                "security_groups",
                List.of(),
                "self",
                false,
                "to_port",
                to);
    }
}
