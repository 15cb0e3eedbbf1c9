package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No state holds the root user, so there is nothing to compare; moto always reports no root keys and no MFA. */
class AccountRootCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void oneAwsManagedRootUserPerAccountFromTheAccountSummary() {
        assertThat(new AccountRootCollector().collect(session)).singleElement().satisfies(root -> {
            assertThat(root.id()).isEqualTo(Moto.ACCOUNT);
            assertThat(root.arn()).isEqualTo("arn:aws:iam::" + Moto.ACCOUNT + ":root");
            assertThat(root.region()).isEqualTo(Regions.GLOBAL);
            assertThat(root.awsManaged()).isTrue();
            assertThat(root.attributes())
                    .containsEntry("access_keys_present", false)
                    .containsEntry("mfa_enabled", false);
        });
    }
}
