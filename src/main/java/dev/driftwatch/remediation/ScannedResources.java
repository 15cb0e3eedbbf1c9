package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.inventory.ResourceSnapshotStore;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** A finding's resource as the latest scan that read it saw it: what preconditions and tag rules look at. */
@ApplicationScoped
class ScannedResources {

    private final ResourceSnapshotStore snapshots;

    ScannedResources(ResourceSnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    /** Empty when driftwatch holds no snapshot of it. */
    Optional<CloudResource> of(FindingView finding) {
        return snapshots.latest(
                finding.account(), finding.region(), new ResourceKey(finding.type(), finding.resourceId()));
    }

    /** Its tags; empty when unknown (no snapshot), which is not the same as having none. */
    Optional<Map<String, String>> tagsOf(FindingView finding) {
        return of(finding).map(CloudResource::tags);
    }
}
