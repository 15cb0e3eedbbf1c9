package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ec2.SecurityGroupRules;
import dev.driftwatch.resource.SecurityGroupPermission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Drift revert of a security group's {@code ingress} and {@code egress}: revokes exactly the permissions the group
 * has and the state does not (added by hand), and authorises those the state has and the group lacks, as the state
 * has them (protocol, ports, source, description). Revokes come first, so a permission whose description alone
 * changed is replaced. Each direction the finding names must read now as the finding saw it, else nothing is written
 * (moved); a permission driftwatch cannot read back is not written either (cannot fix, with the reason).
 */
@ApplicationScoped
public class RevertSecurityGroupRules implements RemediationAction {

    private static final String INGRESS = "ingress";
    private static final String EGRESS = "egress";

    @Override
    public String name() {
        return "revert-security-group-rules";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(INGRESS, EGRESS);
    }

    @Override
    public List<String> iamActions() {
        return List.of(
                "ec2:DescribeSecurityGroups",
                "ec2:RevokeSecurityGroupIngress",
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:RevokeSecurityGroupEgress",
                "ec2:AuthorizeSecurityGroupEgress");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        Optional<SecurityGroup> found = SecurityGroups.find(session, target.resourceId());
        if (found.isEmpty()) {
            return Reading.gone();
        }
        SecurityGroup group = found.get();
        Map<String, String> tags = Ec2Tags.of(group.tags());
        String owner = group.ownerId() == null ? session.account() : group.ownerId();
        Map<String, List<String>> now = Map.of(
                INGRESS, permissions(group.groupId(), owner, group.ipPermissions()),
                EGRESS, permissions(group.groupId(), owner, group.ipPermissionsEgress()));
        RevertPlan plan = RevertPlan.of(target, now);
        if (plan.isMoved()) {
            return Reading.moved(tags);
        }
        if (plan.isDone()) {
            return Reading.fixed(tags);
        }
        List<RuleChange> changes = new ArrayList<>();
        try {
            for (Map.Entry<String, Object> write : plan.writes().entrySet()) {
                boolean ingress = INGRESS.equals(write.getKey());
                changes.add(RuleChange.of(ingress, write.getValue(), now.get(write.getKey())));
            }
        } catch (IllegalArgumentException e) {
            return Reading.cannotFix(tags, e.getMessage());
        }
        String groupId = group.groupId();
        List<String> operations = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("GroupId", groupId);
        changes.forEach(change -> change.shown().forEach((operation, permissions) -> {
            operations.add(operation);
            parameters.put(operation, permissions);
        }));
        PlannedCall call = new PlannedCall(String.join("+", operations), parameters);
        return Reading.needs(tags, new Fix(call, s -> changes.forEach(change -> change.apply(s, groupId))));
    }

    private static List<String> permissions(String groupId, String owner, List<IpPermission> permissions) {
        return SecurityGroupPermission.formatAll(SecurityGroupRules.flatten(groupId, owner, permissions), owner);
    }
}
