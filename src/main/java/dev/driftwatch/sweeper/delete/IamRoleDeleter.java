package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;

/**
 * Deletes a role (its id is the role name) after removing what IAM refuses to delete it with: its managed policy
 * attachments, its inline policies and its place in instance profiles. The policies themselves stay.
 */
@ApplicationScoped
public class IamRoleDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_iam_role";
    }

    @Override
    public List<String> iamActions() {
        return List.of(
                "iam:ListAttachedRolePolicies",
                "iam:DetachRolePolicy",
                "iam:ListRolePolicies",
                "iam:DeleteRolePolicy",
                "iam:ListInstanceProfilesForRole",
                "iam:RemoveRoleFromInstanceProfile",
                "iam:DeleteRole");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource role) {
        IamClient iam = session.iam();
        String name = role.id();
        for (AttachedPolicy policy : Pages.all(
                iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies())) {
            iam.detachRolePolicy(r -> r.roleName(name).policyArn(policy.policyArn()));
        }
        for (String policy :
                Pages.all(iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames())) {
            iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy));
        }
        for (InstanceProfile profile : Pages.all(
                iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles())) {
            iam.removeRoleFromInstanceProfile(
                    r -> r.instanceProfileName(profile.instanceProfileName()).roleName(name));
        }
        iam.deleteRole(r -> r.roleName(name));
        return Deletion.DONE;
    }
}
