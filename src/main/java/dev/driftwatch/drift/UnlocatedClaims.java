package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.ResourceKey;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * State entries whose account or region cannot be told may describe any live resource of their type and id,
 * wherever it is: such a resource is unknown, not UNMANAGED.
 */
public final class UnlocatedClaims {

    private UnlocatedClaims() {}

    public static List<DriftObservation> withoutUnmanagedClaimedBy(
            List<DriftObservation> observations, List<ExpectedResource> unlocated) {
        if (unlocated.isEmpty()) {
            return observations;
        }
        Set<ResourceKey> claimed = unlocated.stream()
                .map(u -> new ResourceKey(
                        ResourceFamilies.liveType(u.resource().type()),
                        u.resource().id()))
                .collect(Collectors.toSet());
        return observations.stream()
                .filter(o -> o.kind() != DriftKind.UNMANAGED
                        || !claimed.contains(o.resource().key()))
                .toList();
    }
}
