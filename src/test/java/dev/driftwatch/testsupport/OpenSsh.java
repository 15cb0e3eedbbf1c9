package dev.driftwatch.testsupport;

import java.util.UUID;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** What the remediation tests fix most: a security group open to the world on SSH, and the policy that finds it. */
public final class OpenSsh {

    /** The built-in policy that finds it. */
    public static final String POLICY = "sg-ssh-open-to-world";
    /** Its remediation mode from approve (as shipped) to auto. */
    public static final UnaryOperator<String> AUTO = text -> text.replace("mode: approve", "mode: auto");

    private OpenSsh() {}

    /** A new group in the default VPC allowing tcp/22 from 0.0.0.0/0; its id. */
    public static String group(Ec2Client ec2) {
        String group = ec2.createSecurityGroup(
                        r -> r.groupName("open-" + UUID.randomUUID()).description("ssh"))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
        return group;
    }
}
