package dev.driftwatch.inventory;

import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The accounts and regions driftwatch scans, from configuration: the listed accounts (through their
 * roles), or else the account of the default credentials. {@code all} regions are asked of EC2
 * (DescribeRegions: the regions enabled in the account) and remembered.
 */
@ApplicationScoped
public class AccountRegistry {

    private static final Logger LOG = Logger.getLogger(AccountRegistry.class);

    private final InventoryConfig config;
    private final AccountCredentials credentials;
    private final AwsClients clients;
    private final Map<String, List<String>> enabledRegions = new ConcurrentHashMap<>();
    private volatile String defaultAccountId;

    AccountRegistry(InventoryConfig config, AccountCredentials credentials, AwsClients clients) {
        this.config = config;
        this.credentials = credentials;
        this.clients = clients;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when the default account must be asked of STS and cannot be */
    public List<ScannedAccount> accounts() {
        if (!config.accounts().isEmpty()) {
            return config.accounts().values().stream()
                    .map(a -> new ScannedAccount(a.id(), Optional.of(a.roleArn()), a.externalId(), a.regions().orElse(config.regions())))
                    .toList();
        }
        return List.of(new ScannedAccount(defaultAccountId(), Optional.empty(), Optional.empty(), config.regions()));
    }

    public Optional<ScannedAccount> account(String id) {
        return accounts().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Every (account, region) to scan, plus each account's {@link Regions#GLOBAL} target. An account
     * whose enabled regions cannot be listed is scanned for its global target only, and logged.
     */
    public List<ScanTarget> targets() {
        List<ScanTarget> targets = new ArrayList<>();
        for (ScannedAccount account : accounts()) {
            try {
                regionsOf(account).forEach(region -> targets.add(new ScanTarget(account.id(), region)));
            } catch (RuntimeException e) {
                LOG.errorf("Regions of account %s cannot be listed, only its global resources are scanned: %s", account.id(),
                        ReadFailures.describe(e));
            }
            targets.add(new ScanTarget(account.id(), Regions.GLOBAL));
        }
        return targets;
    }

    public List<String> regionsOf(ScannedAccount account) {
        if (!account.regions().contains("all")) {
            return account.regions();
        }
        return enabledRegions.computeIfAbsent(account.id(), id -> session(account, Regions.GLOBAL_API_REGION).ec2()
                .describeRegions(r -> r.allRegions(false)).regions().stream()
                .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
                .sorted()
                .toList());
    }

    public AwsSession session(ScannedAccount account, String region) {
        return new ClientSession(clients, credentials.of(account), account.id(), region);
    }

    private String defaultAccountId() {
        if (config.accountId().isPresent()) {
            return config.accountId().get();
        }
        if (defaultAccountId == null) {
            defaultAccountId = credentials.managementSts().getCallerIdentity().account();
        }
        return defaultAccountId;
    }
}
