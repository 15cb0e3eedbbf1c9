package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.aws.AccountCredentials;
import dev.driftwatch.aws.AwsApiCallCounter;
import dev.driftwatch.aws.AwsClients;
import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.resource.ScanTarget;
import dev.driftwatch.testsupport.MotoAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code regions=all} means the regions EC2 says are enabled in the account, asked once and remembered. */
class AccountRegistryIT {

    private final AwsClients clients = new AwsClients(new MotoAws(), new AwsApiCallCounter(new SimpleMeterRegistry()));
    private final AccountCredentials credentials = new AccountCredentials(clients);

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void allRegionsAreTheAccountsEnabledRegionsPlusItsGlobalTarget() {
        InventoryConfig config = new Inventory(
                List.of("all"),
                Map.of("alpha", new Account("111111111111", "arn:aws:iam::111111111111:role/driftwatch-scanner")));
        ReadRoles roles = new ReadRoles(config, credentials);
        AccountRegistry registry =
                new AccountRegistry(roles, new AwsSessions(clients, credentials, new MotoAws(), () -> List.of(roles)));

        List<ScanTarget> targets = registry.targets();

        assertThat(targets).allSatisfy(t -> assertThat(t.account()).isEqualTo("111111111111"));
        assertThat(targets)
                .extracting(ScanTarget::region)
                .contains("us-east-1", "eu-west-1", "ap-southeast-2", Regions.GLOBAL)
                .doesNotHaveDuplicates()
                .hasSizeGreaterThan(10);
    }

    private record Inventory(List<String> regions, Map<String, InventoryConfig.Account> accounts)
            implements InventoryConfig {
        public Optional<String> accountId() {
            return Optional.empty();
        }

        public String sessionName() {
            return "driftwatch-test";
        }

        public int collectorThreads() {
            return 2;
        }

        public Duration deadline() {
            return Duration.ofMinutes(10);
        }
    }

    private record Account(String id, String roleArn) implements InventoryConfig.Account {
        public Optional<String> externalId() {
            return Optional.empty();
        }

        public Optional<List<String>> regions() {
            return Optional.empty();
        }
    }
}
