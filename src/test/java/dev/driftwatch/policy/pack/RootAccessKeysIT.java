package dev.driftwatch.policy.pack;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.IamRootKeys;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The root-access-keys policy in the running service. IAM is moto behind {@link IamRootKeys}, which
 * reports root keys in the account summary when told to: the one answer moto cannot give.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(IamRootKeys.class)
class RootAccessKeysIT {

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @AfterEach
    void noRootKeys() {
        IamRootKeys.rootHasKeys(false);
    }

    @Test
    void rootKeysAreAViolationUntilDeleted() {
        try (PolicyInService policy = PolicyInService.load("root-access-keys", Regions.GLOBAL)) {
            policy.assertNoViolation();

            IamRootKeys.rootHasKeys(true);
            String finding = policy.assertOnlyViolation(
                    Moto.ACCOUNT, "the root user of account " + Moto.ACCOUNT + " has access keys");

            IamRootKeys.rootHasKeys(false);
            policy.assertResolved(finding);
        }
    }
}
