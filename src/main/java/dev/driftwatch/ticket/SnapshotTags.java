package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.inventory.ResourceSnapshotStore;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** A finding's resource tags as the latest scan read them; unknown when driftwatch holds no snapshot of it. */
@ApplicationScoped
public class SnapshotTags implements ResourceTags {

    private final ResourceSnapshotStore snapshots;

    SnapshotTags(ResourceSnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Optional<Map<String, String>> of(FindingView finding) {
        return snapshots
                .latest(finding.account(), finding.region(), new ResourceKey(finding.type(), finding.resourceId()))
                .map(CloudResource::tags);
    }
}
