package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.inventory.ec2.SecurityGroupCollector;
import dev.driftwatch.inventory.ec2.SecurityGroupRuleCollector;
import dev.driftwatch.inventory.ec2.VpcSecurityGroupEgressRuleCollector;
import dev.driftwatch.inventory.ec2.VpcSecurityGroupIngressRuleCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * A group in moto whose rules Terraform wrote as separate resources (a legacy rule with two CIDR blocks, the
 * newer ingress and egress rule types), read by the real collectors: in sync gives nothing, and each change
 * made by hand is reported once.
 */
class SeparateSecurityGroupRulesIT {

    private static final String MULTI_CIDR_ID_SOURCES = "10.0.0.0/8-192.168.0.0/16-";
    private static final List<TypedCollector> COLLECTORS = List.of(
            new SecurityGroupCollector(),
            new SecurityGroupRuleCollector(),
            new VpcSecurityGroupIngressRuleCollector(),
            new VpcSecurityGroupEgressRuleCollector());
    private static final Set<String> READ = Set.of(
            "aws_security_group",
            "aws_security_group_rule",
            "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule");

    private final MotoSession session = MotoSession.in("us-east-1");
    private final Ec2Client ec2 = session.ec2();
    private String group;
    private List<ExpectedResource> state;

    @BeforeEach
    void applyTheEstate() {
        Moto.reset();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        // What the provider does for cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]: one call, one permission.
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(22)
                .toPort(22)
                .ipRanges(c -> c.cidrIp("10.0.0.0/8"), c -> c.cidrIp("192.168.0.0/16"))));
        String https = ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                        .ipPermissions(p ->
                                p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(c -> c.cidrIp("0.0.0.0/0"))))
                .securityGroupRules()
                .get(0)
                .securityGroupRuleId();
        String out = ec2
                .describeSecurityGroupRules(
                        r -> r.filters(f -> f.name("group-id").values(group)))
                .securityGroupRules()
                .stream()
                .filter(SecurityGroupRule::isEgress)
                .findFirst()
                .orElseThrow()
                .securityGroupRuleId();
        String sshId = SecurityGroupRuleCollector.id(group, "ingress", "tcp", 22, 22, MULTI_CIDR_ID_SOURCES);
        // As the provider 5.100 writes them; the group was created before its rules, so its state holds none.
        state = List.of(
                Estate.expected(
                        "aws_security_group",
                        "web",
                        group,
                        attrs(
                                "arn",
                                "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":security-group/" + group,
                                "description",
                                "Managed by Terraform",
                                "egress",
                                List.of(),
                                "id",
                                group,
                                "ingress",
                                List.of(),
                                "name",
                                "web",
                                "name_prefix",
                                "",
                                "owner_id",
                                Moto.ACCOUNT,
                                "revoke_rules_on_delete",
                                false,
                                "tags",
                                null,
                                "tags_all",
                                Map.of(),
                                "timeouts",
                                null,
                                "vpc_id",
                                vpc)),
                Estate.expected(
                        "aws_security_group_rule",
                        "ssh",
                        sshId,
                        attrs(
                                "cidr_blocks",
                                List.of("10.0.0.0/8", "192.168.0.0/16"),
                                "description",
                                "",
                                "from_port",
                                22,
                                "id",
                                sshId,
                                "ipv6_cidr_blocks",
                                null,
                                "prefix_list_ids",
                                null,
                                "protocol",
                                "tcp",
                                "security_group_id",
                                group,
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
                Estate.expected(
                        "aws_vpc_security_group_ingress_rule", "https", https, vpcRule(https, "tcp", 443, "0.0.0.0/0")),
                Estate.expected(
                        "aws_vpc_security_group_egress_rule", "out", out, vpcRule(out, "-1", null, "0.0.0.0/0")));
    }

    @Test
    void inSyncGivesNothing() {
        assertThat(DriftCheck.compare(collect(), stateIn("us-east-1"), READ).observations())
                .isEmpty();
    }

    @Test
    void oneCidrBlockRevokedByHandIsThatRuleMissing() {
        ec2.revokeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(
                        p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("192.168.0.0/16"))));

        var drift = DriftCheck.compare(collect(), stateIn("us-east-1"), READ).observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.MISSING);
            assertThat(o.address()).isEqualTo("aws_security_group_rule.ssh");
            assertThat(o.resource().attributes()).containsEntry("cidr_blocks", List.of("192.168.0.0/16"));
        });
    }

    @Test
    void aRuleAddedByHandIsReportedOnceOnTheGroup() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(
                        p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306).ipRanges(c -> c.cidrIp("10.1.0.0/16"))));

        var drift = DriftCheck.compare(collect(), stateIn("us-east-1"), READ).observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(o.resource().id()).isEqualTo(group);
            assertThat(o.diffs()).singleElement().satisfies(d -> assertThat(d.actual())
                    .isEqualTo(List.of("tcp 3306-3306 10.1.0.0/16")));
        });
    }

    private List<CloudResource> collect() {
        List<CloudResource> live = new ArrayList<>();
        COLLECTORS.forEach(c -> live.addAll(c.collect(session)));
        return live;
    }

    /** The state entries placed in moto's account and region. */
    private List<ExpectedResource> stateIn(String region) {
        return state.stream()
                .map(e -> new ExpectedResource(
                        new CloudResource(
                                e.resource().type(),
                                e.resource().id(),
                                Moto.ACCOUNT,
                                region,
                                null,
                                e.resource().attributes(),
                                null),
                        e.address(),
                        e.stateFile()))
                .toList();
    }

    private Map<String, Object> vpcRule(String id, String protocol, Integer port, String cidr) {
        return attrs(
                "arn",
                "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":security-group-rule/" + id,
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
                group,
                "security_group_rule_id",
                id,
                "tags",
                null,
                "tags_all",
                Map.of(),
                "to_port",
                port);
    }
}
