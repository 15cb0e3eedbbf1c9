package dev.driftwatch.policy.pack;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The account-level policies of the built-in pack in the running service, each on moto: compliant and
 * not, then fixed. Root access keys are tested in RootAccessKeysIT.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class AccountPoliciesIT {

    private static final String REGION = "us-east-1";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();
    private final IamClient iam = MotoSession.in(Regions.GLOBAL).iam();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void ebsEncryptionByDefaultOff() {
        try (PolicyInService policy = PolicyInService.load("ebs-encryption-by-default", REGION)) {
            String finding = policy.assertOnlyViolation(
                    "ebs-encryption-by-default",
                    "EBS encryption by default is off in us-east-1 of account " + Moto.ACCOUNT);

            ec2.enableEbsEncryptionByDefault(r -> {});
            policy.assertResolved(finding);
        }
    }

    @Test
    void passwordPolicyAbsentThenTooShortThenFixed() {
        // One resource per account, present or not: each step changes the message of the same finding.
        String resource = "iam-account-password-policy";
        try (PolicyInService policy = PolicyInService.load("iam-password-policy", Regions.GLOBAL)) {
            String finding =
                    policy.assertOnlyViolation(resource, "account " + Moto.ACCOUNT + " has no password policy");

            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).passwordReusePrevention(24));
            policy.assertStillOpen(
                    resource, "account " + Moto.ACCOUNT + " allows passwords shorter than 14 characters");

            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).passwordReusePrevention(5));
            policy.assertStillOpen(resource, "account " + Moto.ACCOUNT + " remembers fewer than 24 previous passwords");

            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).passwordReusePrevention(24));
            policy.assertResolved(finding);
        }
    }

    @Test
    void activeAccessKeysOlderThanTheLimit() {
        iam.createUser(r -> r.userName("alice"));
        String active =
                iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        String inactive =
                iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(inactive).status(StatusType.INACTIVE));

        // moto creates keys now: the built-in limit passes them, a limit of -1 days makes every active key too old
        try (PolicyInService builtIn = PolicyInService.load("iam-access-key-age", Regions.GLOBAL)) {
            builtIn.assertNoViolation();
        }
        try (PolicyInService strict = PolicyInService.load(
                "iam-access-key-age", Regions.GLOBAL, text -> text.replace("max_age_days: 90", "max_age_days: -1"))) {
            String finding = strict.assertOnlyViolation(
                    active, "access key " + active + " of user alice is 0 days old (limit -1)");

            iam.updateAccessKey(r -> r.userName("alice").accessKeyId(active).status(StatusType.INACTIVE));
            strict.assertResolved(finding);
        }
    }

    @Test
    void snapshotRestorableByEveryone() {
        String volume =
                ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
        String shared = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        String kept = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        ec2.modifySnapshotAttribute(r -> r.snapshotId(kept)
                .attribute("createVolumePermission")
                .operationType(OperationType.ADD)
                .userIds("111122223333"));
        ec2.modifySnapshotAttribute(r -> r.snapshotId(shared)
                .attribute("createVolumePermission")
                .operationType(OperationType.ADD)
                .groupNames("all"));
        try (PolicyInService policy = PolicyInService.load("ebs-snapshot-not-public", REGION)) {
            String finding = policy.assertOnlyViolation(
                    shared, "EBS snapshot " + shared + " in us-east-1 can be restored by any AWS account");

            ec2.modifySnapshotAttribute(r -> r.snapshotId(shared)
                    .attribute("createVolumePermission")
                    .operationType(OperationType.REMOVE)
                    .groupNames("all"));
            policy.assertResolved(finding);
        }
    }
}
