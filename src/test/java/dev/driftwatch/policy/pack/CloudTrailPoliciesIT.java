package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.cloudtrail.CloudTrailCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/** Built-in CloudTrail policies against trails collected from moto. */
class CloudTrailPoliciesIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final CloudTrailCollector collector = new CloudTrailCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
        session.s3().createBucket(r -> r.bucket("trail-logs"));
    }

    @Test
    void singleRegionOrNotLogging() {
        CloudTrailClient cloudTrail = session.cloudTrail();
        String good = trail("good", true, true);
        String local = trail("local", false, true);
        // by name: moto's StartLogging does not take the ARN
        cloudTrail.startLogging(r -> r.name("good"));
        cloudTrail.startLogging(r -> r.name("local"));

        assertThat(BuiltInPolicies.violations("cloudtrail-multi-region-logging", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(local);
                    assertThat(v.message()).isEqualTo("trail local covers only its home region");
                });

        cloudTrail.updateTrail(r -> r.name("local").isMultiRegionTrail(true));
        assertThat(BuiltInPolicies.violations("cloudtrail-multi-region-logging", collector.collect(session))).isEmpty();

        cloudTrail.stopLogging(r -> r.name("good"));
        assertThat(BuiltInPolicies.violations("cloudtrail-multi-region-logging", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(good);
                    assertThat(v.message()).isEqualTo("trail good is not logging");
                });

        cloudTrail.startLogging(r -> r.name("good"));
        assertThat(BuiltInPolicies.violations("cloudtrail-multi-region-logging", collector.collect(session))).isEmpty();
    }

    @Test
    void logFilesNotValidated() {
        trail("good", true, true);
        String unvalidated = trail("unvalidated", true, false);

        assertThat(BuiltInPolicies.violations("cloudtrail-log-validation", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(unvalidated);
                    assertThat(v.message()).isEqualTo("trail unvalidated does not validate its log files");
                });

        session.cloudTrail().updateTrail(r -> r.name("unvalidated").enableLogFileValidation(true));
        assertThat(BuiltInPolicies.violations("cloudtrail-log-validation", collector.collect(session))).isEmpty();
    }

    private String trail(String name, boolean multiRegion, boolean validation) {
        return session.cloudTrail().createTrail(r -> r.name(name).s3BucketName("trail-logs").isMultiRegionTrail(multiRegion)
                .enableLogFileValidation(validation)).trailARN();
    }
}
