package dev.driftwatch.inventory;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials per account: the default chain for the account driftwatch runs in, an assumed role for
 * every other. Assumed-role credentials are cached and refreshed before they expire by the SDK's
 * provider, so a scan never starts with credentials about to lapse.
 */
@ApplicationScoped
public class AccountCredentials {

    private final AwsClients clients;
    private final InventoryConfig config;
    private final AwsCredentialsProvider defaultChain = DefaultCredentialsProvider.builder().build();
    private final Map<String, AwsCredentialsProvider> byAccount = new ConcurrentHashMap<>();

    AccountCredentials(AwsClients clients, InventoryConfig config) {
        this.clients = clients;
        this.config = config;
    }

    public AwsCredentialsProvider of(ScannedAccount account) {
        if (account.roleArn().isEmpty()) {
            return defaultChain;
        }
        return byAccount.computeIfAbsent(account.id(), id -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(managementSts())
                .refreshRequest(r -> {
                    r.roleArn(account.roleArn().get()).roleSessionName(config.sessionName());
                    account.externalId().ifPresent(r::externalId);
                })
                .build());
    }

    /** STS of the account driftwatch runs in: the one that assumes the others' roles. */
    public StsClient managementSts() {
        return clients.client("management", defaultChain, Regions.GLOBAL_API_REGION, "sts", StsClient::builder);
    }

    @PreDestroy
    void close() {
        byAccount.values().forEach(p -> {
            if (p instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        });
    }
}
