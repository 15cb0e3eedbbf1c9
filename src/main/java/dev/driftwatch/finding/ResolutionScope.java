package dev.driftwatch.finding;

import java.util.Set;

/**
 * What a scan read completely, and so what it may resolve: an open finding not seen again is resolved
 * only when its type was read, its state file was read and, for UNMANAGED, every state was read.
 */
public record ResolutionScope(String account, String region, Set<String> readTypes, boolean allStatesRead,
        Set<String> unreadStateFiles, Set<String> unevaluatedPolicies) {

    public ResolutionScope(String account, String region, Set<String> readTypes, boolean allStatesRead, Set<String> unreadStateFiles) {
        this(account, region, readTypes, allStatesRead, unreadStateFiles, Set.of());
    }

    boolean mayResolve(FindingEntity finding) {
        if (!readTypes.contains(finding.resourceType)) {
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
