package dev.driftwatch.drift;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.AppliedState;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The changes an operator makes to the parity estate behind Terraform's back, with the AWS SDK (one per
 * line of {@code TerraformParityIT.PARITY}, in the same order).
 */
final class OutOfBand {

    private OutOfBand() {}

    /** Makes the changes; returns the id of the group created by hand, which no state holds. */
    static String change(AppliedState state) {
        try (Ec2Client ec2 = Moto.ec2("us-east-1");
                Ec2Client west = Moto.ec2("us-west-2");
                S3Client s3 = MotoSession.in(Regions.GLOBAL).s3();
                IamClient iam = MotoSession.in(Regions.GLOBAL).iam()) {
            ec2.createTags(r -> r.resources(state.id("module.net.aws_vpc.this"))
                    .tags(t -> t.key("Name").value("renamed-by-hand")));
            ec2.deleteTags(r ->
                    r.resources(state.id("module.net.aws_subnet.this[\"a\"]")).tags(t -> t.key("Suite")));
            ec2.modifySubnetAttribute(r ->
                    r.subnetId(state.id("module.net.aws_subnet.this[\"b\"]")).mapPublicIpOnLaunch(v -> v.value(true)));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(state.id("module.net.aws_security_group.inline"))
                    .ipPermissions(tcp(22, "0.0.0.0/0", null)));
            String separate = state.id("aws_security_group.separate");
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(separate).ipPermissions(tcp(8080, "10.1.0.0/16", null)));
            ec2.revokeSecurityGroupIngress(r -> r.groupId(separate).ipPermissions(tcp(443, "10.0.0.0/8", null)));
            ec2.updateSecurityGroupRuleDescriptionsIngress(
                    r -> r.groupId(separate).ipPermissions(tcp(22, "192.168.0.0/16", "SSH, edited by hand")));
            ec2.deleteSecurityGroup(r -> r.groupId(state.id("aws_security_group.worker[1]")));
            s3.putBucketTagging(r -> r.bucket("parity-logs")
                    .tagging(t -> t.tagSet(
                            s -> s.key("Purpose").value("audit"),
                            s -> s.key("ManagedBy").value("terraform"),
                            s -> s.key("Suite").value("parity"))));
            s3.putBucketVersioning(r ->
                    r.bucket("parity-logs").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
            iam.updateRole(r -> r.roleName("parity-app").description("Edited by hand"));
            iam.detachRolePolicy(r -> r.roleName("parity-app").policyArn(state.id("aws_iam_policy.read_logs")));
            west.createTags(r -> r.resources(state.id("aws_security_group.west"))
                    .tags(t -> t.key("Tier").value("internal")));
            return ec2.createSecurityGroup(r -> r.groupName("parity-by-hand")
                            .description("Nobody's")
                            .vpcId(state.id("module.net.aws_vpc.this")))
                    .groupId();
        }
    }

    private static IpPermission tcp(int port, String cidr, String description) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .ipRanges(r -> r.cidrIp(cidr).description(description))
                .build();
    }
}
