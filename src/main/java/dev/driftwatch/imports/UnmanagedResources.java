package dev.driftwatch.imports;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.inventory.ResourceSnapshotStore;
import dev.driftwatch.resource.ResourceKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The open UNMANAGED findings, each with the attributes of its latest snapshot (import ids and names need them). */
@ApplicationScoped
public class UnmanagedResources {

    private static final int PAGE = 1000;

    private final FindingQueries findings;
    private final ResourceSnapshotStore snapshots;

    UnmanagedResources(FindingQueries findings, ResourceSnapshotStore snapshots) {
        this.findings = findings;
        this.snapshots = snapshots;
    }

    /** Filters may be {@code null} (match everything). */
    @Transactional
    public List<UnmanagedResource> open(String account, String region, String type) {
        FindingQueries.Filter filter =
                new FindingQueries.Filter(FindingKind.UNMANAGED, FindingStatus.OPEN, account, region, type);
        List<FindingView> open = new ArrayList<>();
        List<FindingView> page;
        do {
            page = findings.find(filter, open.size(), PAGE);
            open.addAll(page);
        } while (page.size() == PAGE);
        Map<String, Map<ResourceKey, Map<String, Object>>> attributesByScope = new HashMap<>();
        return open.stream()
                .map(f -> new UnmanagedResource(
                        f.account(),
                        f.region(),
                        f.type(),
                        f.resourceId(),
                        attributesByScope
                                .computeIfAbsent(
                                        f.account() + "/" + f.region(),
                                        k -> snapshots.attributesOf(f.account(), f.region()))
                                .get(new ResourceKey(f.type(), f.resourceId()))))
                .toList();
    }
}
