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
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Revokes the world-open (0.0.0.0/0, ::/0) ingress permissions that reach the policy's {@code port}, and only
 * those: other addresses of the same rule and every other rule stay.
 */
@ApplicationScoped
public class RevokeWorldIngress implements RemediationAction {

    private static final String WORLD_V4 = "0.0.0.0/0";
    private static final String WORLD_V6 = "::/0";

    @Override
    public String name() {
        return "revoke-world-ingress";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        Optional<SecurityGroup> group = SecurityGroups.find(session, target.resourceId());
        if (group.isEmpty()) {
            return Reading.gone();
        }
        int port = target.intParameter("port");
        List<IpPermission> open = group.get().ipPermissions().stream()
                .filter(p -> reaches(p, port))
                .map(RevokeWorldIngress::worldPart)
                .filter(p -> !p.ipRanges().isEmpty() || !p.ipv6Ranges().isEmpty())
                .toList();
        Map<String, String> tags = Ec2Tags.of(group.get().tags());
        if (open.isEmpty()) {
            return Reading.fixed(tags);
        }
        String groupId = target.resourceId();
        PlannedCall call = new PlannedCall(
                "ec2:RevokeSecurityGroupIngress",
                Map.of(
                        "GroupId",
                        groupId,
                        "IpPermissions",
                        open.stream().map(RevokeWorldIngress::shown).toList()));
        return Reading.needs(tags, new Fix(call, s -> s.ec2()
                .revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(open))));
    }

    /** All traffic, or TCP with a range holding the port. */
    static boolean reaches(IpPermission permission, int port) {
        String protocol = permission.ipProtocol();
        if ("-1".equals(protocol)) {
            return true;
        }
        return ("tcp".equals(protocol) || "6".equals(protocol))
                && permission.fromPort() != null
                && permission.toPort() != null
                && permission.fromPort() <= port
                && port <= permission.toPort();
    }

    /** The same permission with only its world-open ranges (what to revoke). */
    static IpPermission worldPart(IpPermission permission) {
        List<IpRange> v4 = permission.ipRanges().stream()
                .filter(r -> WORLD_V4.equals(r.cidrIp()))
                .map(r -> IpRange.builder().cidrIp(r.cidrIp()).build())
                .toList();
        List<Ipv6Range> v6 = permission.ipv6Ranges().stream()
                .filter(r -> WORLD_V6.equals(r.cidrIpv6()))
                .map(r -> Ipv6Range.builder().cidrIpv6(r.cidrIpv6()).build())
                .toList();
        return IpPermission.builder()
                .ipProtocol(permission.ipProtocol())
                .fromPort(permission.fromPort())
                .toPort(permission.toPort())
                .ipRanges(v4)
                .ipv6Ranges(v6)
                .build();
    }

    private static Map<String, Object> shown(IpPermission permission) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("IpProtocol", permission.ipProtocol());
        if (permission.fromPort() != null) {
            shown.put("FromPort", permission.fromPort());
            shown.put("ToPort", permission.toPort());
        }
        shown.put(
                "IpRanges",
                permission.ipRanges().stream()
                        .map(r -> Map.of("CidrIp", r.cidrIp()))
                        .toList());
        shown.put(
                "Ipv6Ranges",
                permission.ipv6Ranges().stream()
                        .map(r -> Map.of("CidrIpv6", r.cidrIpv6()))
                        .toList());
        return shown;
    }
}
