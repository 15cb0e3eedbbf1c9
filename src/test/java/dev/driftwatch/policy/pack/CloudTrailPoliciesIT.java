package dev.driftwatch.policy.pack;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/** Built-in CloudTrail policies in the running service, on trails in moto. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class CloudTrailPoliciesIT {

    private static final String REGION = "us-east-1";

    private final MotoSession session = MotoSession.in(REGION);
    private final CloudTrailClient cloudTrail = session.cloudTrail();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
        session.s3().createBucket(r -> r.bucket("trail-logs"));
    }

    @Test
    void singleRegionOrNotLogging() {
        String good = trail("good", true, true);
        String local = trail("local", false, true);
        // by name: moto's StartLogging does not take the ARN
        cloudTrail.startLogging(r -> r.name("good"));
        cloudTrail.startLogging(r -> r.name("local"));
        try (PolicyInService policy = PolicyInService.load("cloudtrail-multi-region-logging", REGION)) {
            String singleRegion = policy.assertOnlyViolation(local, "trail local covers only its home region");

            cloudTrail.updateTrail(r -> r.name("local").isMultiRegionTrail(true));
            policy.assertResolved(singleRegion);

            cloudTrail.stopLogging(r -> r.name("good"));
            String notLogging = policy.assertOnlyViolation(good, "trail good is not logging");

            cloudTrail.startLogging(r -> r.name("good"));
            policy.assertResolved(notLogging);
        }
    }

    @Test
    void logFilesNotValidated() {
        trail("good", true, true);
        String unvalidated = trail("unvalidated", true, false);
        try (PolicyInService policy = PolicyInService.load("cloudtrail-log-validation", REGION)) {
            String finding =
                    policy.assertOnlyViolation(unvalidated, "trail unvalidated does not validate its log files");

            cloudTrail.updateTrail(r -> r.name("unvalidated").enableLogFileValidation(true));
            policy.assertResolved(finding);
        }
    }

    private String trail(String name, boolean multiRegion, boolean validation) {
        return cloudTrail
                .createTrail(r -> r.name(name)
                        .s3BucketName("trail-logs")
                        .isMultiRegionTrail(multiRegion)
                        .enableLogFileValidation(validation))
                .trailARN();
    }
}
