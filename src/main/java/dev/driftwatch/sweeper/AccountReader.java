package dev.driftwatch.sweeper;

import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.aws.Purpose;
import dev.driftwatch.inventory.Inventory;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.TargetSession;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a sandbox account's swept types with the normal collectors, on the sweeper's own role: every listed region,
 * and the account's global resources (IAM, S3) once.
 */
@ApplicationScoped
public class AccountReader {

    private final Inventory inventory;
    private final AwsSessions sessions;

    AccountReader(Inventory inventory, AwsSessions sessions) {
        this.inventory = inventory;
        this.sessions = sessions;
    }

    /** One snapshot per region read, the global one included when a global type is wanted. */
    public List<InventorySnapshot> read(SweeperConfig.Account account, Set<String> types) {
        List<InventorySnapshot> snapshots = new ArrayList<>();
        for (String region : regions(account, types)) {
            TargetSession session = new TargetSession(sessions.session(account.id(), Purpose.SWEEP, region));
            snapshots.add(inventory.collect(new ScanTarget(account.id(), region), session, types::contains));
        }
        return snapshots;
    }

    private static List<String> regions(SweeperConfig.Account account, Set<String> types) {
        List<String> regions = new ArrayList<>();
        if (types.stream().anyMatch(t -> !ResourceTypeCatalog.of(t).scope().readInGlobalScan())) {
            regions.addAll(account.regions());
        }
        if (types.stream().anyMatch(t -> ResourceTypeCatalog.of(t).scope().readInGlobalScan())) {
            regions.add(Regions.GLOBAL);
        }
        return regions;
    }
}
