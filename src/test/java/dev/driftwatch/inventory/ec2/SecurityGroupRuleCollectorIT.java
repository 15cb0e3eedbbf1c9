package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class SecurityGroupRuleCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final SecurityGroupRuleCollector collector = new SecurityGroupRuleCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsUnderTheProvidersIdsAndSeesADescriptionChangedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName("other").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        String web = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        String ssh = ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                        .ipPermissions(
                                p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("10.0.0.0/8")
                                        .description("ssh"))))
                .securityGroupRules()
                .get(0)
                .securityGroupRuleId();
        String fromWeb = ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                        .ipPermissions(p ->
                                p.ipProtocol("tcp").fromPort(5432).toPort(5432).userIdGroupPairs(g -> g.groupId(web))))
                .securityGroupRules()
                .get(0)
                .securityGroupRuleId();
        String self = ec2.authorizeSecurityGroupIngress(r ->
                        r.groupId(group).ipPermissions(p -> p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(group))))
                .securityGroupRules()
                .get(0)
                .securityGroupRuleId();
        // The ids the provider computes (see SecurityGroupRuleIdTest for ids from a real state).
        String sshId = providerId(group + "-22-22-tcp-ingress-10.0.0.0/8-");
        String fromWebId = providerId(group + "-5432-5432-tcp-ingress-" + web + "--");
        String selfId = providerId(group + "--1-ingress-" + group + "--");
        // As the provider 5.100 wrote them into a state (ids replaced).
        Map<String, Object> sshState = StateAttributes.of(
                "cidr_blocks",
                List.of("10.0.0.0/8"),
                "description",
                "ssh",
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
                ssh,
                "self",
                false,
                "source_security_group_id",
                null,
                "timeouts",
                null,
                "to_port",
                22,
                "type",
                "ingress");
        Map<String, Object> fromWebState = StateAttributes.of(
                "cidr_blocks",
                null,
                "description",
                null,
                "from_port",
                5432,
                "id",
                fromWebId,
                "ipv6_cidr_blocks",
                null,
                "prefix_list_ids",
                null,
                "protocol",
                "tcp",
                "security_group_id",
                group,
                "security_group_rule_id",
                fromWeb,
                "self",
                false,
                "source_security_group_id",
                web,
                "timeouts",
                null,
                "to_port",
                5432,
                "type",
                "ingress");
        Map<String, Object> selfState = StateAttributes.of(
                "cidr_blocks",
                null,
                "description",
                null,
                "from_port",
                0,
                "id",
                selfId,
                "ipv6_cidr_blocks",
                null,
                "prefix_list_ids",
                null,
                "protocol",
                "-1",
                "security_group_id",
                group,
                "security_group_rule_id",
                self,
                "self",
                true,
                "source_security_group_id",
                null,
                "timeouts",
                null,
                "to_port",
                0,
                "type",
                "ingress");

        List<CloudResource> collected = collector.collect(session);
        CloudResource live = DriftCheck.find(collected, sshId);
        assertThat(live.attributes())
                .containsEntry("security_group_rule_id", ssh)
                .containsEntry("cidr_blocks", List.of("10.0.0.0/8"));
        assertThat(DriftCheck.compare(live, sshState)).isEmpty();
        assertThat(DriftCheck.compare(DriftCheck.find(collected, fromWebId), fromWebState))
                .isEmpty();
        assertThat(DriftCheck.compare(DriftCheck.find(collected, selfId), selfState))
                .isEmpty();

        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(group)
                .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("10.0.0.0/8")
                        .description("ssh from anywhere internal"))));
        CloudResource changed = DriftCheck.find(collector.collect(session), sshId);
        assertThat(DriftCheck.compare(changed, sshState)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> assertThat(d.path())
                    .isEqualTo("description"));
        });
    }

    private static String providerId(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return "sgrule-" + crc.getValue();
    }
}
