package dev.driftwatch.remediation.action;

import dev.driftwatch.resource.SecurityGroupPermission;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** A {@link SecurityGroupPermission} as the one EC2 permission it stands for, description included. */
final class Ec2Permissions {

    private Ec2Permissions() {}

    /** @param groupId the group the permission is of ({@code self} refers to it) */
    static IpPermission of(SecurityGroupPermission p, String groupId) {
        IpPermission.Builder permission = IpPermission.builder().ipProtocol(p.protocol());
        if (!p.allTraffic()) {
            permission.fromPort(p.fromPort()).toPort(p.toPort());
        }
        String description = p.description().isEmpty() ? null : p.description();
        switch (p.source()) {
            case IPV4_CIDR ->
                permission.ipRanges(IpRange.builder()
                        .cidrIp(p.value())
                        .description(description)
                        .build());
            case IPV6_CIDR ->
                permission.ipv6Ranges(Ipv6Range.builder()
                        .cidrIpv6(p.value())
                        .description(description)
                        .build());
            case PREFIX_LIST ->
                permission.prefixListIds(PrefixListId.builder()
                        .prefixListId(p.value())
                        .description(description)
                        .build());
            case SECURITY_GROUP -> permission.userIdGroupPairs(group(p.value(), description));
            case SELF ->
                permission.userIdGroupPairs(UserIdGroupPair.builder()
                        .groupId(groupId)
                        .description(description)
                        .build());
        }
        return permission.build();
    }

    /** {@code sg-1}, or {@code 123456789012/sg-1} for another account's group. */
    private static UserIdGroupPair group(String reference, String description) {
        int slash = reference.indexOf('/');
        UserIdGroupPair.Builder pair = UserIdGroupPair.builder().description(description);
        return slash < 0
                ? pair.groupId(reference).build()
                : pair.userId(reference.substring(0, slash))
                        .groupId(reference.substring(slash + 1))
                        .build();
    }
}
