package dev.driftwatch.aws;

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
 * Credentials per account and role: the default chain where no role is assumed, else the assumed role's.
 * Assumed-role credentials are cached and refreshed before they expire by the SDK's provider, so a call
 * never starts with credentials about to lapse. Two roles of one account are two providers.
 */
@ApplicationScoped
public class AccountCredentials {

    private static final String MANAGEMENT = "management";

    private final AwsClients clients;
    private final AwsCredentialsProvider defaultChain =
            DefaultCredentialsProvider.builder().build();
    private final Map<String, AwsCredentialsProvider> byRole = new ConcurrentHashMap<>();

    public AccountCredentials(AwsClients clients) {
        this.clients = clients;
    }

    /** The credentials of the role (assumed from the default chain, through the purpose's STS client). */
    public AwsCredentialsProvider of(AccountRole role, Purpose purpose) {
        if (role.roleArn().isEmpty()) {
            return defaultChain;
        }
        return byRole.computeIfAbsent(
                role.account() + "/" + role.identity(), k -> assumed(managementSts(purpose), role));
    }

    /** A provider of the caller's own (an S3 state source's, with its own STS): closed by the caller. */
    public static StsAssumeRoleCredentialsProvider assumed(StsClient sts, AccountRole role) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(role.roleArn().orElseThrow()).roleSessionName(role.sessionName());
                    role.externalId().ifPresent(r::externalId);
                })
                .build();
    }

    /** STS of the account driftwatch runs in: the one that assumes the others' roles. */
    public StsClient managementSts(Purpose purpose) {
        ClientKey key = new ClientKey(purpose, MANAGEMENT, "default", AwsRegions.GLOBAL_API_REGION, "sts");
        return clients.client(key, defaultChain, StsClient::builder);
    }

    @PreDestroy
    void close() {
        byRole.values().forEach(p -> {
            if (p instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        });
    }
}
