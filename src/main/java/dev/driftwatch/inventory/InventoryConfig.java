package dev.driftwatch.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is scanned. With no {@code accounts} configured, the account of the default credential chain;
 * otherwise each listed account through a role assumed from the default credentials.
 */
@ConfigMapping(prefix = "driftwatch.inventory")
public interface InventoryConfig {

    String REGION = "[a-z]{2}(-[a-z]+)+-\\d|all";
    String REGION_MESSAGE = "must be an AWS region name such as us-east-1, or all";

    /** Regions to scan, e.g. {@code us-east-1,eu-west-1}, or {@code all} for every region enabled in the account. */
    @WithDefault("us-east-1")
    @NotEmpty
    List<@Pattern(regexp = REGION, message = REGION_MESSAGE) String> regions();

    /**
     * Id of the default-credentials account, when no {@code accounts} are listed. When absent it is
     * asked of STS (GetCallerIdentity).
     */
    Optional<@Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id") String> accountId();

    /** Accounts to scan through AssumeRole, by a name of your choice ({@code driftwatch.inventory.accounts.prod.id=...}). */
    Map<String, Account> accounts();

    /** Collectors running at the same time, over all scans of this instance. */
    @WithDefault("8")
    @jakarta.validation.constraints.Min(1)
    int collectorThreads();

    /**
     * Longest the collectors of one scan (one account and region) may take together. A type not read by then is
     * a gap of the scan ("not finished within the scan deadline of 10m"): the scan is PARTIAL with what it read,
     * and nothing of that type is MISSING or resolved.
     */
    @WithDefault("10m")
    Duration deadline();

    /** Session name for AssumeRole, visible in the accounts' CloudTrail. */
    @WithDefault("driftwatch")
    String sessionName();

    interface Account {

        /** The account's 12-digit id. */
        @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id")
        String id();

        /** Role to assume, e.g. {@code arn:aws:iam::111111111111:role/driftwatch-scanner}. */
        @Pattern(regexp = "arn:aws[a-z-]*:iam::\\d{12}:role/.+", message = "must be an IAM role ARN")
        String roleArn();

        /** External id to present when assuming {@link #roleArn()}, if its trust policy asks for one. */
        Optional<String> externalId();

        /** Regions of this account, when they differ from {@code driftwatch.inventory.regions}. */
        Optional<List<@Pattern(regexp = REGION, message = REGION_MESSAGE) String>> regions();
    }
}
