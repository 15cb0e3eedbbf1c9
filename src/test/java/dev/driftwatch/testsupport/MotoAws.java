package dev.driftwatch.testsupport;

import dev.driftwatch.aws.AccountCredentials;
import dev.driftwatch.aws.AccountRole;
import dev.driftwatch.aws.AwsApiCallCounter;
import dev.driftwatch.aws.AwsClients;
import dev.driftwatch.aws.AwsConfig;
import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.aws.ConfiguredRoles;
import dev.driftwatch.aws.Purpose;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every service at moto, with the defaults the service would use; extend it to change one setting. */
public class MotoAws implements AwsConfig {

    private static AwsClients shared;

    /** Clients on these settings for tests that only pass them on (closed with the JVM). */
    public static synchronized AwsClients sharedClients() {
        if (shared == null) {
            shared = new AwsClients(new MotoAws(), new AwsApiCallCounter(new SimpleMeterRegistry()));
        }
        return shared;
    }

    /** Sessions on the clients whose {@link Purpose#READ} role in moto's account is the default credentials'. */
    public static AwsSessions sessions(AwsClients clients, AwsConfig config) {
        ConfiguredRoles defaultAccount = new ConfiguredRoles() {
            public Purpose purpose() {
                return Purpose.READ;
            }

            public Optional<AccountRole> role(String account) {
                return Optional.of(AccountRole.defaultCredentials(account)).filter(r -> account.equals(Moto.ACCOUNT));
            }

            public String property() {
                return "driftwatch.inventory.accounts.<name>.role-arn";
            }
        };
        return new AwsSessions(clients, new AccountCredentials(clients), config, () -> List.of(defaultAccount));
    }

    public Optional<URI> endpointOverride() {
        return Optional.of(URI.create(Moto.URL));
    }

    public Map<String, URI> regionEndpoints() {
        return Map.of();
    }

    public Map<String, URI> serviceEndpoints() {
        return Map.of();
    }

    public int maxAttempts() {
        return 3;
    }

    public Duration apiCallTimeout() {
        return Duration.ofSeconds(30);
    }

    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    public int maxConnections() {
        return 10;
    }

    public int requestsPerSecond() {
        return 20;
    }

    public int burst() {
        return 40;
    }

    public int maxConcurrency() {
        return 4;
    }

    public Map<String, PurposeSettings> purposes() {
        return Map.of();
    }
}
