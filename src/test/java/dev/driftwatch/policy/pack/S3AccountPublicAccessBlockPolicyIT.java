package dev.driftwatch.policy.pack;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoS3Control;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One block per account, in the running service: none, then partial (still the same finding), then complete. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class S3AccountPublicAccessBlockPolicyIT {

    private static final String MESSAGE = "account " + Moto.ACCOUNT + " does not block all public S3 access";

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void anAccountMustBlockAllFour() {
        try (PolicyInService policy = PolicyInService.load("s3-account-public-access-block", Regions.GLOBAL)) {
            String finding = policy.assertOnlyViolation(Moto.ACCOUNT, MESSAGE);

            MotoS3Control.putPublicAccessBlock(true, true, true, false);
            policy.assertStillOpen(Moto.ACCOUNT, MESSAGE);

            MotoS3Control.putPublicAccessBlock(true, true, true, true);
            policy.assertResolved(finding);
        }
    }
}
