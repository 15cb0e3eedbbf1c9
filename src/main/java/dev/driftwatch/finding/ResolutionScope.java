package dev.driftwatch.finding;

import dev.driftwatch.resource.ResourceKey;
import java.util.Set;

/**
 * What a scan read completely, and so what it may resolve: an open finding not seen again is resolved
 * only when its type was read, its resource is not unknown, its state file was read and, for UNMANAGED,
 * every state was read.
 *
 * @param unknownResources resources listed but not read completely: none of their findings resolves, policy
 *                         violations included (no verdict was given on them)
 */
public record ResolutionScope(
        String account,
        String region,
        Set<String> readTypes,
        boolean allStatesRead,
        Set<String> unreadStateFiles,
        Set<String> unevaluatedPolicies,
        Set<ResourceKey> unknownResources) {

    public ResolutionScope(
            String account, String region, Set<String> readTypes, boolean allStatesRead, Set<String> unreadStateFiles) {
        this(account, region, readTypes, allStatesRead, unreadStateFiles, Set.of());
    }

    public ResolutionScope(
            String account,
            String region,
            Set<String> readTypes,
            boolean allStatesRead,
            Set<String> unreadStateFiles,
            Set<String> unevaluatedPolicies) {
        this(account, region, readTypes, allStatesRead, unreadStateFiles, unevaluatedPolicies, Set.of());
    }

    boolean mayResolve(FindingEntity finding) {
        if (!readTypes.contains(finding.resourceType)
                || unknownResources.contains(new ResourceKey(finding.resourceType, finding.resourceId))) {
            return false;
        }
        if (finding.kind == FindingKind.VIOLATION) {
            return !unevaluatedPolicies.contains(finding.policyId);
        }
        if (finding.kind == FindingKind.UNMANAGED) {
            return allStatesRead;
        }
        return finding.stateFile == null || !unreadStateFiles.contains(finding.stateFile);
    }
}
