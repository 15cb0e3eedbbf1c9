package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * Deletes a customer managed policy (its id is its ARN) after detaching it from every role, user and group that
 * still has it and deleting its versions but the default, which IAM deletes with the policy.
 */
@ApplicationScoped
public class IamPolicyDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_iam_policy";
    }

    @Override
    public List<String> iamActions() {
        return List.of(
                "iam:ListEntitiesForPolicy",
                "iam:DetachRolePolicy",
                "iam:DetachUserPolicy",
                "iam:DetachGroupPolicy",
                "iam:ListPolicyVersions",
                "iam:DeletePolicyVersion",
                "iam:DeletePolicy");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource policy) {
        IamClient iam = session.iam();
        String arn = policy.id();
        for (ListEntitiesForPolicyResponse page :
                Pages.all(iam.listEntitiesForPolicyPaginator(r -> r.policyArn(arn)))) {
            page.policyRoles()
                    .forEach(role -> iam.detachRolePolicy(
                            r -> r.roleName(role.roleName()).policyArn(arn)));
            page.policyUsers()
                    .forEach(user -> iam.detachUserPolicy(
                            r -> r.userName(user.userName()).policyArn(arn)));
            page.policyGroups()
                    .forEach(group -> iam.detachGroupPolicy(
                            r -> r.groupName(group.groupName()).policyArn(arn)));
        }
        for (PolicyVersion version :
                Pages.all(iam.listPolicyVersionsPaginator(r -> r.policyArn(arn)).versions())) {
            // the default version goes with the policy and cannot be deleted before it
            if (!Boolean.TRUE.equals(version.isDefaultVersion())) {
                iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(version.versionId()));
            }
        }
        iam.deletePolicy(r -> r.policyArn(arn));
        return Deletion.DONE;
    }
}
