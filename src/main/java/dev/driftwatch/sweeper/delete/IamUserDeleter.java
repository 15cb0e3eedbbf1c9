package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.SigningCertificate;

/**
 * Deletes a user (its id is the user name) after removing what IAM refuses to delete it with: access keys, signing
 * certificates, SSH keys, MFA devices (virtual ones deleted too), its console password, attached and inline policies,
 * group memberships. Service-specific credentials (CodeCommit, Keyspaces) are not removed: IAM then answers
 * {@code DeleteConflict} and the failure is reported.
 */
@ApplicationScoped
public class IamUserDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_iam_user";
    }

    @Override
    public List<String> iamActions() {
        return List.of(
                "iam:ListAccessKeys",
                "iam:DeleteAccessKey",
                "iam:ListSigningCertificates",
                "iam:DeleteSigningCertificate",
                "iam:ListSSHPublicKeys",
                "iam:DeleteSSHPublicKey",
                "iam:ListMFADevices",
                "iam:DeactivateMFADevice",
                "iam:DeleteVirtualMFADevice",
                "iam:DeleteLoginProfile",
                "iam:ListAttachedUserPolicies",
                "iam:DetachUserPolicy",
                "iam:ListUserPolicies",
                "iam:DeleteUserPolicy",
                "iam:ListGroupsForUser",
                "iam:RemoveUserFromGroup",
                "iam:DeleteUser");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource user) {
        IamClient iam = session.iam();
        String name = user.id();
        for (AccessKeyMetadata key :
                Pages.all(iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata())) {
            iam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        }
        for (SigningCertificate cert : Pages.all(
                iam.listSigningCertificatesPaginator(r -> r.userName(name)).certificates())) {
            iam.deleteSigningCertificate(r -> r.userName(name).certificateId(cert.certificateId()));
        }
        for (SSHPublicKeyMetadata key :
                Pages.all(iam.listSSHPublicKeysPaginator(r -> r.userName(name)).sshPublicKeys())) {
            iam.deleteSSHPublicKey(r -> r.userName(name).sshPublicKeyId(key.sshPublicKeyId()));
        }
        for (MFADevice device :
                Pages.all(iam.listMFADevicesPaginator(r -> r.userName(name)).mfaDevices())) {
            iam.deactivateMFADevice(r -> r.userName(name).serialNumber(device.serialNumber()));
            // a virtual device's serial is its ARN; a hardware device is only deactivated
            if (device.serialNumber().startsWith("arn:")) {
                iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()));
            }
        }
        deleteLoginProfile(iam, name);
        for (AttachedPolicy policy : Pages.all(
                iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies())) {
            iam.detachUserPolicy(r -> r.userName(name).policyArn(policy.policyArn()));
        }
        for (String policy :
                Pages.all(iam.listUserPoliciesPaginator(r -> r.userName(name)).policyNames())) {
            iam.deleteUserPolicy(r -> r.userName(name).policyName(policy));
        }
        for (Group group :
                Pages.all(iam.listGroupsForUserPaginator(r -> r.userName(name)).groups())) {
            iam.removeUserFromGroup(r -> r.userName(name).groupName(group.groupName()));
        }
        iam.deleteUser(r -> r.userName(name));
        return Deletion.DONE;
    }

    /**
     * IAM answers {@code NoSuchEntity} for a user without a console password: nothing to remove. Had the user itself
     * gone, the list calls before would have said so, and {@code DeleteUser} after says so again.
     */
    private static void deleteLoginProfile(IamClient iam, String name) {
        try {
            iam.deleteLoginProfile(r -> r.userName(name));
        } catch (NoSuchEntityException noPassword) {
            // no password: the state wanted
        }
    }
}
