package dev.driftwatch.inventory;

import java.util.List;
import java.util.Optional;

/**
 * An account driftwatch scans: its id, the role assumed to read it (none for the default-credentials
 * account) and its configured regions (may contain {@code all}).
 */
public record ScannedAccount(String id, Optional<String> roleArn, Optional<String> externalId, List<String> regions) {

    public ScannedAccount {
        regions = List.copyOf(regions);
    }
}
