package dev.driftwatch.aws;

import dev.driftwatch.aws.AwsConfig.PurposeSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The role of each purpose in each account: a part's own {@link ConfiguredRoles}, else the account's entry in
 * {@code driftwatch.aws.purposes.<purpose>.roles}, else the purpose's pattern ({@code role}, or the purpose's
 * default). With none of them, or {@code none}, the purpose has no role and is refused.
 */
final class PurposeRoles {

    static final String NONE = "none";
    private static final String ROLE_ARN = "arn:aws[a-z-]*:iam::\\d{12}:role/.+";

    private final Map<String, PurposeSettings> settings;
    private final Supplier<List<ConfiguredRoles>> configured;

    PurposeRoles(AwsConfig config, Supplier<List<ConfiguredRoles>> configured) {
        this.settings = config.purposes();
        this.configured = configured;
    }

    /** @throws NoRoleException when the purpose has no role in the account */
    AccountRole of(String account, Purpose purpose) {
        Optional<ConfiguredRoles> own =
                configured.get().stream().filter(c -> c.purpose() == purpose).findFirst();
        if (own.isPresent()) {
            return own.get()
                    .role(account)
                    .orElseThrow(() ->
                            new NoRoleException(purpose, account, own.get().property()));
        }
        String prefix = "driftwatch.aws.purposes." + purpose.key();
        Optional<PurposeSettings> mine = Optional.ofNullable(settings.get(purpose.key()));
        String pattern = mine.map(s -> s.roles().get(account))
                .or(() -> mine.flatMap(PurposeSettings::role))
                .or(purpose::defaultRole)
                .filter(role -> !role.isBlank() && !NONE.equals(role))
                .orElseThrow(() -> new NoRoleException(
                        purpose,
                        account,
                        prefix + ".role (a pattern such as "
                                + "arn:aws:iam::{account}:role/driftwatch-" + purpose.key() + ") or " + prefix
                                + ".roles.\""
                                + account + "\""));
        String role = pattern.replace("{account}", account);
        if (!role.matches(ROLE_ARN)) {
            throw new IllegalArgumentException(prefix + ".role: " + role + " is not an IAM role ARN");
        }
        return AccountRole.assumed(
                account, role, mine.flatMap(PurposeSettings::externalId), "driftwatch-" + purpose.key());
    }
}
