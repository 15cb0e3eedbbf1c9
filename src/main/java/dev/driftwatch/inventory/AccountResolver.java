package dev.driftwatch.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** The scanned account's id: configured, or asked of STS once and remembered. */
@ApplicationScoped
public class AccountResolver {

    private final InventoryConfig config;
    private final AwsClients clients;
    private final AtomicReference<String> discovered = new AtomicReference<>();

    AccountResolver(InventoryConfig config, AwsClients clients) {
        this.config = config;
        this.clients = clients;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when STS cannot be asked */
    public String accountId() {
        if (config.accountId().isPresent()) {
            return config.accountId().get();
        }
        String known = discovered.get();
        if (known != null) {
            return known;
        }
        String account = clients.sts(config.regions().get(0)).getCallerIdentity().account();
        discovered.set(account);
        return account;
    }
}
