package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;

class VpcSecurityGroupIngressRuleCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final VpcSecurityGroupIngressRuleCollector collector = new VpcSecurityGroupIngressRuleCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsOneRulePerSourceAndSeesADescriptionChangedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        String other = ec2.createSecurityGroup(r ->
                        r.groupName("other").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        String https = ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                        .ipPermissions(p -> p.ipProtocol("tcp")
                                .fromPort(443)
                                .toPort(443)
                                .ipRanges(c -> c.cidrIp("0.0.0.0/0").description("https")))
                        .tagSpecifications(t -> t.resourceType(ResourceType.SECURITY_GROUP_RULE)
                                .tags(tag -> tag.key("Team").value("web"))))
                .securityGroupRules()
                .get(0)
                .securityGroupRuleId();
        String fromGroup = ec2.authorizeSecurityGroupIngress(
                        r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                                .fromPort(8080)
                                .toPort(8080)
                                .userIdGroupPairs(g -> g.groupId(other))))
                .securityGroupRules()
                .get(0)
                .securityGroupRuleId();
        // As the provider 5.100 wrote them into a state (ids replaced).
        Map<String, Object> httpsState = StateAttributes.of(
                "arn",
                arn(https),
                "cidr_ipv4",
                "0.0.0.0/0",
                "cidr_ipv6",
                null,
                "description",
                "https",
                "from_port",
                443,
                "id",
                https,
                "ip_protocol",
                "tcp",
                "prefix_list_id",
                null,
                "referenced_security_group_id",
                null,
                "security_group_id",
                group,
                "security_group_rule_id",
                https,
                "tags",
                Map.of("Team", "web"),
                "tags_all",
                Map.of("Team", "web"),
                "to_port",
                443);
        Map<String, Object> fromGroupState = StateAttributes.of(
                "arn",
                arn(fromGroup),
                "cidr_ipv4",
                null,
                "cidr_ipv6",
                null,
                "description",
                null,
                "from_port",
                8080,
                "id",
                fromGroup,
                "ip_protocol",
                "tcp",
                "prefix_list_id",
                null,
                "referenced_security_group_id",
                other,
                "security_group_id",
                group,
                "security_group_rule_id",
                fromGroup,
                "tags",
                null,
                "tags_all",
                Map.of(),
                "to_port",
                8080);

        var collected = collector.collect(session);
        CloudResource live = DriftCheck.find(collected, https);
        assertThat(live.arn()).isEqualTo(arn(https));
        assertThat(live.attributes())
                .containsEntry("tags", Map.of("Team", "web"))
                .containsEntry("cidr_ipv4", "0.0.0.0/0");
        assertThat(collected).noneMatch(r -> Boolean.TRUE.equals(r.attributes().get("is_egress")));
        assertThat(DriftCheck.compare(live, httpsState)).isEmpty();
        assertThat(DriftCheck.compare(DriftCheck.find(collected, fromGroup), fromGroupState))
                .isEmpty();

        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(group)
                .ipPermissions(
                        p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(c -> c.cidrIp("0.0.0.0/0")
                                .description("open to all"))));
        CloudResource changed = DriftCheck.find(collector.collect(session), https);
        assertThat(DriftCheck.compare(changed, httpsState)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("description");
                assertThat(d.actual()).isEqualTo("open to all");
            });
        });
    }

    private static String arn(String rule) {
        return "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":security-group-rule/" + rule;
    }
}
