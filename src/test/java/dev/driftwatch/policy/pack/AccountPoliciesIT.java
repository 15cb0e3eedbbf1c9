package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.ec2.EbsEncryptionByDefaultCollector;
import dev.driftwatch.inventory.ec2.EbsSnapshotPublicAccessCollector;
import dev.driftwatch.inventory.iam.AccountRootCollector;
import dev.driftwatch.inventory.iam.IamAccessKeyCollector;
import dev.driftwatch.inventory.iam.IamAccountPasswordPolicyCollector;
import dev.driftwatch.policy.PolicyCompiler;
import dev.driftwatch.policy.PolicyException;
import dev.driftwatch.policy.PolicyTesting;
import dev.driftwatch.policy.PolicyViolation;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.KnownTypes;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

/** The account-level policies of the built-in pack, each on moto: compliant and not, then fixed. */
class AccountPoliciesIT {

    private final MotoSession global = MotoSession.in(Regions.GLOBAL);

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void ebsEncryptionByDefaultOffInOneRegion() {
        MotoSession on = MotoSession.in("us-east-1");
        MotoSession off = MotoSession.in("eu-west-1");
        on.ec2().enableEbsEncryptionByDefault(r -> { });
        EbsEncryptionByDefaultCollector collector = new EbsEncryptionByDefaultCollector();

        assertThat(violations("ebs-encryption-by-default", collector.collect(on), collector.collect(off))).singleElement()
                .satisfies(v -> {
                    assertThat(v.resource().region()).isEqualTo("eu-west-1");
                    assertThat(v.message()).isEqualTo("EBS encryption by default is off in eu-west-1 of account " + Moto.ACCOUNT);
                });

        off.ec2().enableEbsEncryptionByDefault(r -> { });
        assertThat(violations("ebs-encryption-by-default", collector.collect(on), collector.collect(off))).isEmpty();
    }

    @Test
    void passwordPolicyAbsentThenTooShortThenFixed() {
        IamAccountPasswordPolicyCollector collector = new IamAccountPasswordPolicyCollector();
        assertThat(BuiltInPolicies.violations("iam-password-policy", collector.collect(global))).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("account " + Moto.ACCOUNT + " has no password policy"));

        IamClient iam = global.iam();
        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).passwordReusePrevention(24));
        assertThat(BuiltInPolicies.violations("iam-password-policy", collector.collect(global))).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("account " + Moto.ACCOUNT + " allows passwords shorter than 14 characters"));

        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).passwordReusePrevention(5));
        assertThat(BuiltInPolicies.violations("iam-password-policy", collector.collect(global))).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("account " + Moto.ACCOUNT + " remembers fewer than 24 previous passwords"));

        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).passwordReusePrevention(24));
        assertThat(BuiltInPolicies.violations("iam-password-policy", collector.collect(global))).isEmpty();
    }

    @Test
    void rootAccessKeys() {
        List<CloudResource> collected = new AccountRootCollector().collect(global);
        assertThat(BuiltInPolicies.violations("root-access-keys", collected)).isEmpty();

        // moto cannot give the root user keys: the same resource as AWS would report it with one
        CloudResource root = collected.get(0);
        Map<String, Object> withKeys = new HashMap<>(root.attributes());
        withKeys.put("access_keys_present", true);
        CloudResource keyed = new CloudResource(root.type(), root.id(), root.account(), root.region(), root.arn(), withKeys, null, true);
        assertThat(BuiltInPolicies.violations("root-access-keys", List.of(keyed))).singleElement().satisfies(v -> {
            assertThat(v.resource().id()).isEqualTo(Moto.ACCOUNT);
            assertThat(v.message()).isEqualTo("the root user of account " + Moto.ACCOUNT + " has access keys");
        });
    }

    @Test
    void activeAccessKeysOlderThanTheLimit() throws IOException, PolicyException {
        IamClient iam = global.iam();
        iam.createUser(r -> r.userName("alice"));
        String active = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        String inactive = iam.createAccessKey(r -> r.userName("alice")).accessKey().accessKeyId();
        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(inactive).status(StatusType.INACTIVE));
        IamAccessKeyCollector collector = new IamAccessKeyCollector();

        // moto creates keys now: the built-in limit passes them, a limit of -1 days makes every active key too old
        assertThat(BuiltInPolicies.violations("iam-access-key-age", collector.collect(global))).isEmpty();
        Path file = Path.of("policies/iam/iam-access-key-age.yaml");
        var strict = new PolicyCompiler(KnownTypes.ALL, 4000, 32, 10000)
                .compile("strict.yaml", Files.readString(file).replace("max_age_days: 90", "max_age_days: -1"));
        assertThat(PolicyTesting.evaluate(strict, collector.collect(global))).singleElement().satisfies(v -> {
            assertThat(v.resource().id()).isEqualTo(active);
            assertThat(v.message()).isEqualTo("access key " + active + " of user alice is 0 days old (limit -1)");
        });

        iam.updateAccessKey(r -> r.userName("alice").accessKeyId(active).status(StatusType.INACTIVE));
        assertThat(PolicyTesting.evaluate(strict, collector.collect(global))).isEmpty();
    }

    @Test
    void snapshotRestorableByEveryone() {
        MotoSession session = MotoSession.in("us-east-1");
        Ec2Client ec2 = session.ec2();
        String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
        String shared = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        String kept = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        ec2.modifySnapshotAttribute(r -> r.snapshotId(kept).attribute("createVolumePermission")
                .operationType(OperationType.ADD).userIds("111122223333"));
        ec2.modifySnapshotAttribute(r -> r.snapshotId(shared).attribute("createVolumePermission")
                .operationType(OperationType.ADD).groupNames("all"));
        EbsSnapshotPublicAccessCollector collector = new EbsSnapshotPublicAccessCollector();

        assertThat(BuiltInPolicies.violations("ebs-snapshot-not-public", collector.collect(session))).singleElement().satisfies(v -> {
            assertThat(v.resource().id()).isEqualTo(shared);
            assertThat(v.message()).isEqualTo("EBS snapshot " + shared + " in us-east-1 can be restored by any AWS account");
        });

        ec2.modifySnapshotAttribute(r -> r.snapshotId(shared).attribute("createVolumePermission")
                .operationType(OperationType.REMOVE).groupNames("all"));
        assertThat(BuiltInPolicies.violations("ebs-snapshot-not-public", collector.collect(session))).isEmpty();
    }

    @SafeVarargs
    private static List<PolicyViolation> violations(String policy, List<CloudResource>... collected) {
        List<CloudResource> all = new ArrayList<>();
        for (List<CloudResource> c : collected) {
            all.addAll(c);
        }
        return BuiltInPolicies.violations(policy, all);
    }
}
