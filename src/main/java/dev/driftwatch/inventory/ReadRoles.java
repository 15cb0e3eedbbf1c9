package dev.driftwatch.inventory;

import dev.driftwatch.aws.AccountCredentials;
import dev.driftwatch.aws.AccountRole;
import dev.driftwatch.aws.ConfiguredRoles;
import dev.driftwatch.aws.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The accounts the inventory reads and their {@link Purpose#READ} roles, from configuration: the listed
 * accounts' {@code role-arn}, or else the account of the default credentials, read with those; any other
 * account has no read role.
 */
@ApplicationScoped
public class ReadRoles implements ConfiguredRoles {

    private final InventoryConfig config;
    private final AccountCredentials credentials;
    private volatile String defaultAccountId;

    public ReadRoles(InventoryConfig config, AccountCredentials credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when the default account must be asked of STS and cannot be */
    public List<ScannedAccount> accounts() {
        if (!config.accounts().isEmpty()) {
            return config.accounts().values().stream()
                    .map(a -> new ScannedAccount(
                            a.id(),
                            Optional.of(a.roleArn()),
                            a.externalId(),
                            a.regions().orElse(config.regions())))
                    .toList();
        }
        return List.of(new ScannedAccount(defaultAccountId(), Optional.empty(), Optional.empty(), config.regions()));
    }

    @Override
    public Purpose purpose() {
        return Purpose.READ;
    }

    @Override
    public Optional<AccountRole> role(String account) {
        return accounts().stream()
                .filter(a -> a.id().equals(account))
                .findFirst()
                .map(a -> a.roleArn()
                        .map(role -> AccountRole.assumed(a.id(), role, a.externalId(), config.sessionName()))
                        .orElseGet(() -> AccountRole.defaultCredentials(a.id())));
    }

    @Override
    public String property() {
        return "driftwatch.inventory.accounts.<name>.id and .role-arn";
    }

    private String defaultAccountId() {
        if (config.accountId().isPresent()) {
            return config.accountId().get();
        }
        if (defaultAccountId == null) {
            defaultAccountId =
                    credentials.managementSts(Purpose.READ).getCallerIdentity().account();
        }
        return defaultAccountId;
    }
}
