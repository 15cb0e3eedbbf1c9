package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.s3.S3AccountPublicAccessBlockCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoS3Control;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One block per account: none, then partial, then complete. */
class S3AccountPublicAccessBlockPolicyIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3AccountPublicAccessBlockCollector collector = new S3AccountPublicAccessBlockCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void anAccountMustBlockAllFour() {
        assertThat(BuiltInPolicies.violations("s3-account-public-access-block", collector.collect(session))).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("account " + Moto.ACCOUNT + " does not block all public S3 access"));

        MotoS3Control.putPublicAccessBlock(true, true, true, false);
        assertThat(BuiltInPolicies.violations("s3-account-public-access-block", collector.collect(session)))
                .extracting(v -> v.resource().id()).containsExactly(Moto.ACCOUNT);

        MotoS3Control.putPublicAccessBlock(true, true, true, true);
        assertThat(BuiltInPolicies.violations("s3-account-public-access-block", collector.collect(session))).isEmpty();
    }
}
