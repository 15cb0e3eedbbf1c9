package dev.driftwatch.policy.pack;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Built-in security group policies in the running service, on groups in moto: a compliant and a
 * non-compliant group give exactly one violation, on the right group; fixed in moto, it is resolved.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class SecurityGroupPoliciesIT {

    private static final String REGION = "us-east-1";
    private static final IpPermission SSH_RANGE_FROM_ANYWHERE_V6 = IpPermission.builder()
            .ipProtocol("tcp")
            .fromPort(20)
            .toPort(25)
            .ipv6Ranges(r -> r.cidrIpv6("::/0"))
            .build();
    private static final IpPermission ALL_TRAFFIC_FROM_ANYWHERE = IpPermission.builder()
            .ipProtocol("-1")
            .ipRanges(r -> r.cidrIp("0.0.0.0/0"))
            .build();

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void sshOpenToTheWorldOverIpv4OrIpv6() {
        group(
                "closed",
                IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(22)
                        .toPort(22)
                        .ipRanges(r -> r.cidrIp("10.0.0.0/8"))
                        .build());
        String open = group("open", SSH_RANGE_FROM_ANYWHERE_V6);
        try (PolicyInService ssh = PolicyInService.load("sg-ssh-open-to-world", REGION);
                PolicyInService rdp = PolicyInService.load("sg-rdp-open-to-world", REGION)) {
            String finding = ssh.assertOnlyViolation(
                    open, "security group " + open + " (open) allows port 22 from anywhere on the internet");
            rdp.assertNoViolation();

            ec2.revokeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(SSH_RANGE_FROM_ANYWHERE_V6));
            ssh.assertResolved(finding);
        }
    }

    @Test
    void rdpOpenToTheWorldThroughAllTraffic() {
        String allTraffic = group("anything", ALL_TRAFFIC_FROM_ANYWHERE);
        try (PolicyInService policy = PolicyInService.load("sg-rdp-open-to-world", REGION)) {
            String finding = policy.assertOnlyViolation(
                    allTraffic,
                    "security group " + allTraffic + " (anything) allows port 3389 from anywhere on the internet");

            ec2.revokeSecurityGroupIngress(r -> r.groupId(allTraffic).ipPermissions(ALL_TRAFFIC_FROM_ANYWHERE));
            policy.assertResolved(finding);
        }
    }

    @Test
    void defaultGroupAllowingTraffic() {
        // moto's default group has AWS's default egress rule (all out), not its ingress from itself: a
        // violation until that rule goes.
        SecurityGroup group = ec2.describeSecurityGroups(
                        r -> r.filters(f -> f.name("group-name").values("default")))
                .securityGroups()
                .get(0);
        try (PolicyInService policy = PolicyInService.load("default-sg-allows-traffic", REGION)) {
            String finding = policy.assertOnlyViolation(
                    group.groupId(),
                    "default security group " + group.groupId() + " of " + group.vpcId()
                            + " has 0 ingress and 1 egress rules");

            ec2.revokeSecurityGroupEgress(r -> r.groupId(group.groupId()).ipPermissions(group.ipPermissionsEgress()));
            policy.assertResolved(finding);
        }
    }

    private String group(String name, IpPermission ingress) {
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description(name))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ingress));
        return id;
    }
}
