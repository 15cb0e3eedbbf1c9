package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.testsupport.MotoAws;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each purpose's role in an account, and the refusal of a purpose that has none: never another purpose's role. */
class PurposeRolesTest {

    private static final String ACCOUNT = "111111111111";
    private static final String ROLE = "arn:aws:iam::111111111111:role/";

    /** The inventory's own READ roles: one listed account. */
    private static final ConfiguredRoles LISTED = new ConfiguredRoles() {
        public Purpose purpose() {
            return Purpose.READ;
        }

        public Optional<AccountRole> role(String account) {
            return Optional.of(
                            AccountRole.assumed(ACCOUNT, ROLE + "driftwatch-scanner", Optional.empty(), "driftwatch"))
                    .filter(r -> r.account().equals(account));
        }

        public String property() {
            return "driftwatch.inventory.accounts.<name>.role-arn";
        }
    };

    @Test
    void remediationAndSweepingHaveTheirOwnRolesByDefault() {
        PurposeRoles roles = roles(Map.of());

        assertThat(roles.of(ACCOUNT, Purpose.REMEDIATE).roleArn()).contains(ROLE + "driftwatch-remediator");
        assertThat(roles.of(ACCOUNT, Purpose.SWEEP).roleArn()).contains(ROLE + "driftwatch-sweeper");
        assertThat(roles.of(ACCOUNT, Purpose.READ).roleArn()).contains(ROLE + "driftwatch-scanner");
        assertThat(roles.of(ACCOUNT, Purpose.SWEEP).sessionName()).isEqualTo("driftwatch-sweep");
    }

    @Test
    void anAccountsOwnRoleWinsOverThePattern() {
        PurposeRoles roles = roles(Map.of(
                "remediate",
                new PurposeSettingsValues(
                        Optional.of("arn:aws:iam::{account}:role/fixer"),
                        Map.of("222222222222", "arn:aws:iam::222222222222:role/special-fixer"),
                        Optional.of("ext-1"),
                        Optional.empty())));

        assertThat(roles.of(ACCOUNT, Purpose.REMEDIATE).roleArn()).contains(ROLE + "fixer");
        assertThat(roles.of("222222222222", Purpose.REMEDIATE).roleArn())
                .contains("arn:aws:iam::222222222222:role/special-fixer");
        assertThat(roles.of(ACCOUNT, Purpose.REMEDIATE).externalId()).contains("ext-1");
    }

    @Test
    void aPurposeWithoutARoleIsRefusedNamingWhatToSet() {
        PurposeRoles roles = roles(Map.of("sweep", PurposeSettingsValues.role("none")));

        assertThatThrownBy(() -> roles.of(ACCOUNT, Purpose.SWEEP))
                .isInstanceOfSatisfying(NoRoleException.class, e -> {
                    assertThat(e.purpose()).isEqualTo(Purpose.SWEEP);
                    assertThat(e.account()).isEqualTo(ACCOUNT);
                })
                .hasMessageContaining("No sweep role is configured for account 111111111111")
                .hasMessageContaining("driftwatch.aws.purposes.sweep.role");
        // state sources name their own roles: there is no default to fall back on, not even the scanner's
        assertThatThrownBy(() -> roles.of(ACCOUNT, Purpose.STATE))
                .isInstanceOf(NoRoleException.class)
                .hasMessageContaining("driftwatch.aws.purposes.state.role");
    }

    @Test
    void readIsRefusedInAnAccountTheInventoryDoesNotList() {
        assertThatThrownBy(() -> roles(Map.of()).of("999999999999", Purpose.READ))
                .isInstanceOf(NoRoleException.class)
                .hasMessageContaining("No read role is configured for account 999999999999")
                .hasMessageContaining("driftwatch.inventory.accounts.<name>.role-arn");
        // READ's own roles are the inventory's: a pattern for READ in driftwatch.aws does not serve it
        AwsConfig readPattern = config(Map.of("read", PurposeSettingsValues.role("arn:aws:iam::{account}:role/x")));
        assertThatThrownBy(() -> new PurposeRoles(readPattern, () -> List.of(LISTED)).of("999999999999", Purpose.READ))
                .isInstanceOf(NoRoleException.class);
    }

    @Test
    void aPatternThatIsNoRoleArnIsRefused() {
        PurposeRoles roles = roles(Map.of("remediate", PurposeSettingsValues.role("driftwatch-remediator")));
        assertThatThrownBy(() -> roles.of(ACCOUNT, Purpose.REMEDIATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driftwatch.aws.purposes.remediate.role");
    }

    private static PurposeRoles roles(Map<String, AwsConfig.PurposeSettings> purposes) {
        return new PurposeRoles(config(purposes), () -> List.of(LISTED));
    }

    static AwsConfig config(Map<String, AwsConfig.PurposeSettings> purposes) {
        return new MotoAws() {
            @Override
            public Map<String, PurposeSettings> purposes() {
                return purposes;
            }
        };
    }
}
