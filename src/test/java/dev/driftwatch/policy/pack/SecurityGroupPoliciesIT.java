package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.ec2.SecurityGroupCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * The pattern of every built-in policy test: a compliant and a non-compliant resource in moto give
 * exactly one violation, on the right resource; fixed in moto, none.
 */
class SecurityGroupPoliciesIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final SecurityGroupCollector collector = new SecurityGroupCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void sshOpenToTheWorldOverIpv4OrIpv6() {
        Ec2Client ec2 = session.ec2();
        String closed = group("closed", IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(r -> r.cidrIp("10.0.0.0/8")).build());
        String open = group("open", IpPermission.builder().ipProtocol("tcp").fromPort(20).toPort(25)
                .ipv6Ranges(r -> r.cidrIpv6("::/0")).build());

        assertThat(BuiltInPolicies.violations("sg-ssh-open-to-world", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(open);
                    assertThat(v.message()).isEqualTo("security group " + open + " (open) allows port 22 from anywhere on the internet");
                });
        assertThat(BuiltInPolicies.violations("sg-rdp-open-to-world", collector.collect(session))).isEmpty();

        ec2.revokeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(20)
                .toPort(25).ipv6Ranges(c -> c.cidrIpv6("::/0")).build()));
        assertThat(BuiltInPolicies.violations("sg-ssh-open-to-world", collector.collect(session))).isEmpty();
        assertThat(closed).isNotEqualTo(open);
    }

    @Test
    void rdpOpenToTheWorldThroughAllTraffic() {
        String allTraffic = group("anything", IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build());

        assertThat(BuiltInPolicies.violations("sg-rdp-open-to-world", collector.collect(session)))
                .extracting(v -> v.resource().id()).containsExactly(allTraffic);
    }

    @Test
    void defaultGroupAllowingTraffic() {
        // moto's default group keeps AWS's default rules (all from itself, all out): a violation until they go.
        var violations = BuiltInPolicies.violations("default-sg-allows-traffic", collector.collect(session));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.resource().attributes().get("name")).isEqualTo("default"));

        String id = violations.get(0).resource().id();
        Ec2Client ec2 = session.ec2();
        var group = ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
        ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(group.ipPermissions()));
        ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(group.ipPermissionsEgress()));
        assertThat(BuiltInPolicies.violations("default-sg-allows-traffic", collector.collect(session))).isEmpty();
    }

    private String group(String name, IpPermission ingress) {
        Ec2Client ec2 = session.ec2();
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description(name)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ingress));
        return id;
    }

}
