package dev.driftwatch.policy.pack;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Built-in EBS volume policies in the running service, on volumes in moto. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class EbsVolumePoliciesIT {

    private static final String REGION = "us-east-1";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void unencryptedVolume() {
        ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8).encrypted(true));
        String plain = ec2.createVolume(
                        r -> r.availabilityZone("us-east-1b").size(8).encrypted(false))
                .volumeId();
        try (PolicyInService policy = PolicyInService.load("ebs-volume-encrypted", REGION)) {
            String finding =
                    policy.assertOnlyViolation(plain, "EBS volume " + plain + " in us-east-1b is not encrypted");

            // A volume cannot be encrypted in place: the fix is an encrypted copy (through a snapshot) instead of it.
            String snapshot = ec2.createSnapshot(r -> r.volumeId(plain)).snapshotId();
            ec2.createVolume(
                    r -> r.availabilityZone("us-east-1b").snapshotId(snapshot).encrypted(true));
            ec2.deleteVolume(r -> r.volumeId(plain));
            policy.assertResolved(finding);
        }
    }
}
