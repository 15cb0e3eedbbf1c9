package dev.driftwatch.inventory;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import java.util.List;
import java.util.Set;

/**
 * What one scan saw of a target.
 *
 * @param readTypes the types read completely; only these can yield MISSING or resolve findings
 */
public record InventorySnapshot(ScanTarget target, List<CloudResource> resources, Set<String> readTypes, List<ReadGap> gaps) {

    public boolean complete() {
        return gaps.isEmpty();
    }
}
