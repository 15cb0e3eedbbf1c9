package dev.driftwatch.inventory;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import dev.driftwatch.resource.ScanTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one scan saw of a target.
 *
 * @param readTypes the types read completely, every resource of them; only these can yield MISSING or resolve
 *                  findings without looking at {@link #unknown()}
 * @param gaps      what could not be read: whole types, and single resources that are unknown
 */
public record InventorySnapshot(
        ScanTarget target, List<CloudResource> resources, Set<String> readTypes, List<ReadGap> gaps) {

    public boolean complete() {
        return gaps.isEmpty();
    }

    /** The resources listed but not read completely: nothing may be concluded about them in this scan. */
    public Set<ResourceKey> unknown() {
        return gaps.stream()
                .filter(ReadGap::oneResource)
                .map(ReadGap::resource)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The types whose every resource was listed: the ones read completely, and those where only some
     * resources are {@link #unknown()}. Comparing these is sound as long as the unknown ones are left out.
     */
    public Set<String> listedTypes() {
        Set<String> listed = new LinkedHashSet<>(readTypes);
        gaps.stream().filter(ReadGap::oneResource).forEach(g -> listed.add(g.resourceType()));
        return Set.copyOf(listed);
    }
}
