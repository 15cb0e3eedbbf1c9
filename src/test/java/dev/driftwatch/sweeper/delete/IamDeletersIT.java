package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.iam.IamInstanceProfileCollector;
import dev.driftwatch.inventory.iam.IamPolicyCollector;
import dev.driftwatch.inventory.iam.IamRoleCollector;
import dev.driftwatch.inventory.iam.IamUserCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The IAM deleters against moto: each resource goes with its links, and what it was linked to stays. */
class IamDeletersIT {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    /** Any well-formed key: moto checks only its shape. */
    private static final String SSH_KEY =
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDVkqbGbmVm4n5wT8HM5V+W3oGvGkZgKvGo8dPzDBsvzbHh2FbLWbF"
                    + "nqYd3kfSthk6eaAIo8l1HT0F7xSh9sPlbXtcEkdHJn06lEo6tVs9KEo7cq1bN7XFuwt6ygiwlnZtkqHZDpE6wXYWCXcc5jH5UQ5aBgG"
                    + "yB2QT6FJ7sHbPmRNCkC3xnRQX2ah9bzFSk8mnhGz2SqCOEK7rOeD4b0mT3jcT6BKOdODqGv4Tbin6SIyq5Ycw6AwYGv6dpn2Ywmu0Im"
                    + "uCcAnDnU1eVaDuqQtM33zcTAbcu3D82sfp3uEdPejOUy1Sx6fBmAXJCmadkZNQGkcCWCy2ynAXqn/RULXaYp sandbox";

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamClient iam = session.iam();
    private String policy;

    @BeforeEach
    void reset() {
        Moto.reset();
        policy = policy("shared-policy");
    }

    @Test
    void deletesARoleWithItsAttachmentsInlinePoliciesAndProfileLinks() {
        role("sandbox-role");
        iam.attachRolePolicy(r -> r.roleName("sandbox-role").policyArn(policy));
        iam.putRolePolicy(r -> r.roleName("sandbox-role").policyName("inline").policyDocument(DOCUMENT));
        iam.createInstanceProfile(r -> r.instanceProfileName("sandbox-profile"));
        iam.addRoleToInstanceProfile(
                r -> r.instanceProfileName("sandbox-profile").roleName("sandbox-role"));
        role("kept-role");
        iam.attachRolePolicy(r -> r.roleName("kept-role").policyArn(policy));

        CloudResource read = DriftCheck.find(new IamRoleCollector().collect(session), "sandbox-role");
        assertThat(new IamRoleDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).containsExactly("kept-role");
        // the policy and the profile stay, the first still attached to the other role
        assertThat(iam.getPolicy(r -> r.policyArn(policy)).policy().attachmentCount())
                .isEqualTo(1);
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("sandbox-profile"))
                        .instanceProfile()
                        .roles())
                .isEmpty();
        assertThatThrownBy(() -> new IamRoleDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void deletesAUserWithItsKeysPasswordSshKeyMfaPoliciesAndGroups() {
        iam.createUser(r -> r.userName("sandbox-user"));
        iam.createAccessKey(r -> r.userName("sandbox-user"));
        iam.createAccessKey(r -> r.userName("sandbox-user"));
        iam.createLoginProfile(r -> r.userName("sandbox-user").password("Sandbox-Passw0rd!"));
        iam.uploadSSHPublicKey(r -> r.userName("sandbox-user").sshPublicKeyBody(SSH_KEY));
        String mfa = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("sandbox-mfa"))
                .virtualMFADevice()
                .serialNumber();
        iam.enableMFADevice(r -> r.userName("sandbox-user")
                .serialNumber(mfa)
                .authenticationCode1("123456")
                .authenticationCode2("654321"));
        iam.attachUserPolicy(r -> r.userName("sandbox-user").policyArn(policy));
        iam.putUserPolicy(r -> r.userName("sandbox-user").policyName("inline").policyDocument(DOCUMENT));
        iam.createGroup(r -> r.groupName("sandbox-group"));
        iam.addUserToGroup(r -> r.groupName("sandbox-group").userName("sandbox-user"));
        iam.createUser(r -> r.userName("kept-user"));
        iam.addUserToGroup(r -> r.groupName("sandbox-group").userName("kept-user"));

        CloudResource read = DriftCheck.find(new IamUserCollector().collect(session), "sandbox-user");
        assertThat(new IamUserDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(iam.listUsers().users()).extracting(u -> u.userName()).containsExactly("kept-user");
        assertThat(iam.listVirtualMFADevices().virtualMFADevices()).isEmpty();
        assertThat(iam.getGroup(r -> r.groupName("sandbox-group")).users())
                .extracting(u -> u.userName())
                .containsExactly("kept-user");
        assertThat(iam.getPolicy(r -> r.policyArn(policy)).policy().arn()).isEqualTo(policy);
    }

    @Test
    void deletesAUserWithoutPasswordOrKeys() {
        iam.createUser(r -> r.userName("bare-user"));

        CloudResource read = DriftCheck.find(new IamUserCollector().collect(session), "bare-user");
        assertThat(new IamUserDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(iam.listUsers().users()).isEmpty();
        // gone meanwhile: the first list call says so, not the tolerated login-profile answer
        assertThatThrownBy(() -> new IamUserDeleter().delete(session, read))
                .isInstanceOf(NoSuchEntityException.class)
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).isTrue());
    }

    @Test
    void deletesAPolicyAfterDetachingItEverywhereAndDeletingItsOldVersions() {
        role("app-role");
        iam.attachRolePolicy(r -> r.roleName("app-role").policyArn(policy));
        iam.createUser(r -> r.userName("app-user"));
        iam.attachUserPolicy(r -> r.userName("app-user").policyArn(policy));
        iam.createGroup(r -> r.groupName("app-group"));
        iam.attachGroupPolicy(r -> r.groupName("app-group").policyArn(policy));
        iam.createPolicyVersion(
                r -> r.policyArn(policy).policyDocument(DOCUMENT).setAsDefault(true));
        iam.createPolicyVersion(
                r -> r.policyArn(policy).policyDocument(DOCUMENT).setAsDefault(false));
        String kept = policy("kept-policy");
        iam.attachRolePolicy(r -> r.roleName("app-role").policyArn(kept));

        CloudResource read = DriftCheck.find(new IamPolicyCollector().collect(session), policy);
        assertThat(new IamPolicyDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(iam.listPolicies(r -> r.scope("Local")).policies())
                .extracting(p -> p.arn())
                .containsExactly(kept);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("app-role")).attachedPolicies())
                .extracting(p -> p.policyArn())
                .containsExactly(kept);
        assertThat(iam.listAttachedUserPolicies(r -> r.userName("app-user")).attachedPolicies())
                .isEmpty();
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("app-group")).attachedPolicies())
                .isEmpty();
    }

    @Test
    void deletesAnInstanceProfileAfterRemovingItsRoleAndLeavesTheRole() {
        role("app-role");
        iam.createInstanceProfile(r -> r.instanceProfileName("app-profile"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("app-profile").roleName("app-role"));
        iam.createInstanceProfile(r -> r.instanceProfileName("kept-profile"));

        CloudResource read = DriftCheck.find(new IamInstanceProfileCollector().collect(session), "app-profile");
        assertThat(new IamInstanceProfileDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(iam.listInstanceProfiles().instanceProfiles())
                .extracting(p -> p.instanceProfileName())
                .containsExactly("kept-profile");
        assertThat(iam.listRoles().roles()).extracting(r -> r.roleName()).containsExactly("app-role");
    }

    private void role(String name) {
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
    }

    private String policy(String name) {
        return iam.createPolicy(r -> r.policyName(name).policyDocument(DOCUMENT))
                .policy()
                .arn();
    }
}
