package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.AttributeValues;
import dev.driftwatch.resource.SecurityGroupPermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * One direction of a security group put back as the state has it: the permissions to revoke (the group has them,
 * the state does not) and to authorise (the other way round), each as its text and as read back from it.
 */
record RuleChange(boolean ingress, List<SecurityGroupPermission> revoke, List<SecurityGroupPermission> authorise) {

    /**
     * @param expected the state's permissions (texts)
     * @param now      the group's permissions as read
     * @throws IllegalArgumentException when the state's value is not a list of permissions driftwatch can read
     */
    static RuleChange of(boolean ingress, Object expected, List<String> now) {
        List<String> wanted;
        if (AttributeValues.isEmpty(expected)) {
            wanted = List.of();
        } else if (expected instanceof List<?> list) {
            wanted = list.stream().map(String::valueOf).toList();
        } else {
            throw new IllegalArgumentException(
                    (ingress ? "ingress" : "egress") + " in the state is not a list of permissions: " + expected);
        }
        return new RuleChange(
                ingress,
                now.stream()
                        .filter(p -> !wanted.contains(p))
                        .map(SecurityGroupPermission::parse)
                        .toList(),
                wanted.stream()
                        .filter(p -> !now.contains(p))
                        .map(SecurityGroupPermission::parse)
                        .toList());
    }

    /** Operation to the permissions it is given, as text, for the planned call. */
    Map<String, List<String>> shown() {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        if (!revoke.isEmpty()) {
            shown.put(
                    revokeOperation(),
                    revoke.stream().map(SecurityGroupPermission::format).toList());
        }
        if (!authorise.isEmpty()) {
            shown.put(
                    authoriseOperation(),
                    authorise.stream().map(SecurityGroupPermission::format).toList());
        }
        return shown;
    }

    void apply(AwsSession session, String groupId) {
        List<IpPermission> revoked =
                revoke.stream().map(p -> Ec2Permissions.of(p, groupId)).toList();
        List<IpPermission> authorised =
                authorise.stream().map(p -> Ec2Permissions.of(p, groupId)).toList();
        if (!revoked.isEmpty() && ingress) {
            session.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(revoked));
        } else if (!revoked.isEmpty()) {
            session.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(revoked));
        }
        if (!authorised.isEmpty() && ingress) {
            session.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(authorised));
        } else if (!authorised.isEmpty()) {
            session.ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(authorised));
        }
    }

    private String revokeOperation() {
        return ingress ? "ec2:RevokeSecurityGroupIngress" : "ec2:RevokeSecurityGroupEgress";
    }

    private String authoriseOperation() {
        return ingress ? "ec2:AuthorizeSecurityGroupIngress" : "ec2:AuthorizeSecurityGroupEgress";
    }
}
