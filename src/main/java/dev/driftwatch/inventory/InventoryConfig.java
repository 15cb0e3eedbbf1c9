package dev.driftwatch.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/** What is scanned: one account (the default credential chain's) in the listed regions. */
@ConfigMapping(prefix = "driftwatch.inventory")
public interface InventoryConfig {

    /** Regions to scan, e.g. {@code us-east-1,eu-west-1}. */
    @WithDefault("us-east-1")
    @NotEmpty
    List<@Pattern(regexp = "[a-z]{2}(-[a-z]+)+-\\d", message = "must be an AWS region name such as us-east-1") String> regions();

    /**
     * Account id of the scanned account. When absent it is asked of STS (GetCallerIdentity) with the
     * default credentials.
     */
    Optional<@Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id") String> accountId();
}
