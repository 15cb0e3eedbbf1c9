package dev.driftwatch.sweeper;

import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account's resources of some types as read again just before their delete. A resource is only answered for
 * where its type was listed completely in its region: otherwise whether it is there is unknown.
 */
final class Reread {

    private record Where(String region, ResourceKey key) {}

    private record TypeIn(String region, String type) {}

    private final Map<Where, CloudResource> resources = new HashMap<>();
    private final Set<TypeIn> listed = new HashSet<>();
    private final Set<Where> unknown = new HashSet<>();

    private Reread() {}

    /** The items as their plan read them, moments ago. */
    static Reread asPlanned(SweepEntity sweep, List<SweepItemEntity> items) {
        Reread planned = new Reread();
        for (SweepItemEntity item : items) {
            CloudResource resource = SweepStore.resourceOf(sweep, item);
            planned.resources.put(new Where(item.region, resource.key()), resource);
            planned.listed.add(new TypeIn(item.region, item.resourceType));
        }
        return planned;
    }

    Reread(List<InventorySnapshot> snapshots) {
        for (InventorySnapshot snapshot : snapshots) {
            String region = snapshot.target().region();
            snapshot.resources().forEach(r -> resources.put(new Where(region, r.key()), r));
            snapshot.listedTypes().forEach(t -> listed.add(new TypeIn(region, t)));
            snapshot.unknown().forEach(k -> unknown.add(new Where(region, k)));
        }
    }

    /** Whether it could be read again: its type listed in its region, and it not left unknown. */
    boolean known(SweepItemEntity item) {
        Where where = new Where(item.region, new ResourceKey(item.resourceType, item.resourceId));
        return listed.contains(new TypeIn(item.region, item.resourceType)) && !unknown.contains(where);
    }

    /** The resource now; empty when it is gone. Ask only when {@link #known}. */
    Optional<CloudResource> current(SweepItemEntity item) {
        return Optional.ofNullable(
                resources.get(new Where(item.region, new ResourceKey(item.resourceType, item.resourceId))));
    }
}
