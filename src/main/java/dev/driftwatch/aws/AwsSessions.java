package dev.driftwatch.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one way into AWS: a session of one account and region for one {@link Purpose}, on that purpose's own
 * role in the account. A purpose without a role there is refused ({@link NoRoleException}).
 */
@ApplicationScoped
public class AwsSessions {

    private final AwsClients clients;
    private final AccountCredentials credentials;
    private final PurposeRoles roles;

    @Inject
    AwsSessions(
            AwsClients clients,
            AccountCredentials credentials,
            AwsConfig config,
            @Any Instance<ConfiguredRoles> configured) {
        // looked up on use: the parts that configure roles themselves may need sessions to be built first
        this(clients, credentials, config, () -> configured.stream().toList());
    }

    public AwsSessions(
            AwsClients clients,
            AccountCredentials credentials,
            AwsConfig config,
            Supplier<List<ConfiguredRoles>> configured) {
        this.clients = clients;
        this.credentials = credentials;
        this.roles = new PurposeRoles(config, configured);
    }

    /**
     * @param region a region, or {@link AwsRegions#GLOBAL} for global services
     * @throws NoRoleException when the purpose has no role configured in the account
     */
    public AwsSession session(String account, Purpose purpose, String region) {
        AccountRole role = roles.of(account, purpose);
        return new ClientSession(clients, credentials.of(role, purpose), purpose, role, region);
    }

    /** The role a purpose uses in an account. @throws NoRoleException when it has none */
    public AccountRole role(String account, Purpose purpose) {
        return roles.of(account, purpose);
    }

    /** STS of the account driftwatch runs in, with its own credentials (e.g. to ask who they belong to). */
    public StsClient ownSts(Purpose purpose) {
        return credentials.managementSts(purpose);
    }
}
