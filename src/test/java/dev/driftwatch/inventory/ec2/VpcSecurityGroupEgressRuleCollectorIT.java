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

class VpcSecurityGroupEgressRuleCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final VpcSecurityGroupEgressRuleCollector collector = new VpcSecurityGroupEgressRuleCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsAnAllTrafficRuleWithoutPortsAndSeesADescriptionAddedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        // The group's default egress rule, the one the provider's "allow all" egress rule stands for.
        String all = ec2
                .describeSecurityGroupRules(
                        r -> r.filters(f -> f.name("group-id").values(group)))
                .securityGroupRules()
                .stream()
                .filter(rule -> rule.isEgress())
                .findFirst()
                .orElseThrow()
                .securityGroupRuleId();
        Map<String, Object> state = StateAttributes.of(
                "arn",
                "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":security-group-rule/" + all,
                "cidr_ipv4",
                "0.0.0.0/0",
                "cidr_ipv6",
                null,
                "description",
                null,
                "from_port",
                null,
                "id",
                all,
                "ip_protocol",
                "-1",
                "prefix_list_id",
                null,
                "referenced_security_group_id",
                null,
                "security_group_id",
                group,
                "security_group_rule_id",
                all,
                "tags",
                null,
                "tags_all",
                Map.of(),
                "to_port",
                null);

        CloudResource live = DriftCheck.find(collector.collect(session), all);
        assertThat(live.attributes())
                .containsEntry("from_port", null)
                .containsEntry("to_port", null)
                .containsEntry("ip_protocol", "-1");
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("-1")
                .ipRanges(c -> c.cidrIp("0.0.0.0/0").description("anything"))));
        CloudResource changed = DriftCheck.find(collector.collect(session), all);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> assertThat(d.path())
                    .isEqualTo("description"));
        });
    }
}
