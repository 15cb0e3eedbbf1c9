package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamAccountPasswordPolicyCollectorIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamAccountPasswordPolicyCollector collector = new IamAccountPasswordPolicyCollector();

    // as provider 5.100 wrote it for the policy set below
    private static final Map<String, Object> STATE = Map.ofEntries(
            Map.entry("allow_users_to_change_password", true),
            Map.entry("expire_passwords", true),
            Map.entry("hard_expiry", false),
            Map.entry("id", "iam-account-password-policy"),
            Map.entry("max_password_age", 90),
            Map.entry("minimum_password_length", 14),
            Map.entry("password_reuse_prevention", 24),
            Map.entry("require_lowercase_characters", true),
            Map.entry("require_numbers", true),
            Map.entry("require_symbols", true),
            Map.entry("require_uppercase_characters", true));

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void noPolicyIsAnAwsManagedResourceWithOnlyItsId() {
        CloudResource none = DriftCheck.find(collector.collect(session), "iam-account-password-policy");
        assertThat(none.attributes()).containsOnlyKeys("id");
        assertThat(none.awsManaged()).isTrue();
        assertThat(none.region()).isEqualTo(Regions.GLOBAL);
    }

    @Test
    void comparesThePolicyAndSeesALengthChangedOrThePolicyDeletedByHand() {
        IamClient iam = session.iam();
        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14)
                .requireSymbols(true)
                .requireNumbers(true)
                .requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true)
                .allowUsersToChangePassword(true)
                .maxPasswordAge(90)
                .passwordReusePrevention(24));

        CloudResource live = DriftCheck.find(collector.collect(session), "iam-account-password-policy");
        assertThat(live.awsManaged()).isFalse();
        assertThat(DriftCheck.compare(live, STATE)).isEmpty();

        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8)
                .requireSymbols(true)
                .requireNumbers(true)
                .requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true)
                .allowUsersToChangePassword(true)
                .maxPasswordAge(90)
                .passwordReusePrevention(24));
        CloudResource changed = DriftCheck.find(collector.collect(session), "iam-account-password-policy");
        assertThat(DriftCheck.compare(changed, STATE)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("minimum_password_length");
                assertThat(d.actual()).isEqualTo(8);
            });
        });

        iam.deleteAccountPasswordPolicy();
        CloudResource deleted = DriftCheck.find(collector.collect(session), "iam-account-password-policy");
        assertThat(DriftCheck.compare(deleted, STATE)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs())
                    .extracting(d -> d.path())
                    .contains("minimum_password_length", "password_reuse_prevention");
        });
    }
}
