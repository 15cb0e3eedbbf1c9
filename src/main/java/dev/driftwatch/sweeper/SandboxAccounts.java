package dev.driftwatch.sweeper;

import dev.driftwatch.aws.AccountRole;
import dev.driftwatch.aws.ConfiguredRoles;
import dev.driftwatch.aws.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox accounts the sweeper may enter, and its {@link Purpose#SWEEP} role in each: any account not listed in
 * {@code driftwatch.sweeper.accounts} has no sweep role at all, so not even a session can be made for it.
 */
@ApplicationScoped
public class SandboxAccounts implements ConfiguredRoles {

    static final String ROLE_PATTERN = "arn:aws:iam::%s:role/driftwatch-sweeper";

    private final SweeperConfig config;

    SandboxAccounts(SweeperConfig config) {
        this.config = config;
    }

    public Optional<SweeperConfig.Account> find(String account) {
        return config.accounts().values().stream()
                .filter(a -> a.id().equals(account))
                .findFirst();
    }

    public List<SweeperConfig.Account> all() {
        return config.accounts().values().stream().toList();
    }

    @Override
    public Purpose purpose() {
        return Purpose.SWEEP;
    }

    @Override
    public Optional<AccountRole> role(String account) {
        return find(account)
                .map(a -> AccountRole.assumed(
                        a.id(),
                        a.roleArn().orElse(ROLE_PATTERN.formatted(a.id())),
                        a.externalId(),
                        "driftwatch-sweep"));
    }

    @Override
    public String property() {
        return "driftwatch.sweeper.accounts.<name>.id (a sandbox account)";
    }
}
