package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Revokes every ingress and egress permission of a VPC's default security group (CIS 5.4), so that nothing
 * attached to it by default can talk. Safe because it only ever touches a group named {@code default}: any other
 * group is not this action's business (cannot fix, no write), and the group itself stays, empty. Approve by default:
 * instances that rely on the default group lose their traffic.
 */
@ApplicationScoped
public class RemoveDefaultSgRules implements RemediationAction {

    static final String DEFAULT_GROUP = "default";

    @Override
    public String name() {
        return "remove-default-sg-rules";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        Optional<SecurityGroup> group = SecurityGroups.find(session, target.resourceId());
        return group.isEmpty() ? Reading.gone() : check(group.get());
    }

    /** What the group needs: nothing, both lists revoked, or nothing it may do (not a default group). */
    static Reading check(SecurityGroup group) {
        Map<String, String> tags = Ec2Tags.of(group.tags());
        if (!DEFAULT_GROUP.equals(group.groupName())) {
            return Reading.cannotFix(
                    tags,
                    "security group " + group.groupId() + " is named '" + group.groupName()
                            + "'; remove-default-sg-rules empties only a VPC's default group");
        }
        List<IpPermission> ingress =
                group.ipPermissions().stream().map(RemoveDefaultSgRules::bare).toList();
        List<IpPermission> egress = group.ipPermissionsEgress().stream()
                .map(RemoveDefaultSgRules::bare)
                .toList();
        if (ingress.isEmpty() && egress.isEmpty()) {
            return Reading.fixed(tags);
        }
        String groupId = group.groupId();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("GroupId", groupId);
        parameters.put(
                "IpPermissions",
                ingress.stream().map(RemoveDefaultSgRules::shown).toList());
        parameters.put(
                "IpPermissionsEgress",
                egress.stream().map(RemoveDefaultSgRules::shown).toList());
        String operation = ingress.isEmpty()
                ? "ec2:RevokeSecurityGroupEgress"
                : egress.isEmpty()
                        ? "ec2:RevokeSecurityGroupIngress"
                        : "ec2:RevokeSecurityGroupIngress+ec2:RevokeSecurityGroupEgress";
        return Reading.needs(tags, new Fix(new PlannedCall(operation, parameters), s -> {
            if (!ingress.isEmpty()) {
                s.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(ingress));
            }
            if (!egress.isEmpty()) {
                s.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(egress));
            }
        }));
    }

    /** The permission as read, without descriptions (a revoke matches on the rule, not on its words). */
    static IpPermission bare(IpPermission p) {
        return IpPermission.builder()
                .ipProtocol(p.ipProtocol())
                .fromPort(p.fromPort())
                .toPort(p.toPort())
                .ipRanges(p.ipRanges().stream()
                        .map(r -> IpRange.builder().cidrIp(r.cidrIp()).build())
                        .toList())
                .ipv6Ranges(p.ipv6Ranges().stream()
                        .map(r -> Ipv6Range.builder().cidrIpv6(r.cidrIpv6()).build())
                        .toList())
                .prefixListIds(p.prefixListIds().stream()
                        .map(r -> PrefixListId.builder()
                                .prefixListId(r.prefixListId())
                                .build())
                        .toList())
                .userIdGroupPairs(p.userIdGroupPairs().stream()
                        .map(g -> UserIdGroupPair.builder()
                                .groupId(g.groupId())
                                .userId(g.userId())
                                .build())
                        .toList())
                .build();
    }

    private static Map<String, Object> shown(IpPermission p) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("IpProtocol", p.ipProtocol());
        if (p.fromPort() != null) {
            shown.put("FromPort", p.fromPort());
            shown.put("ToPort", p.toPort());
        }
        shown.put("IpRanges", p.ipRanges().stream().map(IpRange::cidrIp).toList());
        shown.put("Ipv6Ranges", p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList());
        shown.put(
                "PrefixListIds",
                p.prefixListIds().stream().map(PrefixListId::prefixListId).toList());
        shown.put(
                "UserIdGroupPairs",
                p.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList());
        return shown;
    }
}
