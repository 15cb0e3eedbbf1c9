package dev.driftwatch.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.resource.AttributeDiff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies one scan's observations to the stored findings: opens new ones, updates changed ones,
 * resolves those the scan could have seen but did not. Findings and their events commit together.
 */
@ApplicationScoped
public class FindingLifecycle {

    private final FindingEvents events;
    private final ObjectMapper mapper;
    private final Clock clock;

    FindingLifecycle(FindingEvents events, ObjectMapper mapper, Clock clock) {
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public FindingChanges apply(long scanId, ResolutionScope scope, List<Observation> observations) {
        Instant now = clock.instant();
        Map<String, FindingEntity> known = new HashMap<>();
        FindingEntity.<FindingEntity>list(
                        "account = ?1 and region = ?2 and status in ?3",
                        scope.account(),
                        scope.region(),
                        List.of(FindingStatus.OPEN, FindingStatus.SUPPRESSED))
                .forEach(f -> known.put(f.fingerprint, f));
        Map<String, Observation> seen = new HashMap<>();
        observations.forEach(o -> seen.put(o.fingerprint(), o));
        List<String> unknown =
                seen.keySet().stream().filter(fp -> !known.containsKey(fp)).toList();
        if (!unknown.isEmpty()) {
            FindingEntity.<FindingEntity>list("fingerprint in ?1", unknown).forEach(f -> known.put(f.fingerprint, f));
        }
        int opened = 0;
        int updated = 0;
        int resolved = 0;
        for (Observation observation : seen.values()) {
            FindingEntity finding = known.get(observation.fingerprint());
            if (finding == null
                    || finding.status == FindingStatus.RESOLVED
                    || finding.status == FindingStatus.ACCEPTED) {
                events.opened(open(finding, observation, scanId, now));
                opened++;
            } else if (changed(finding.diffs, observation.diffs())
                    || !Objects.equals(finding.address, observation.address())
                    || finding.status != statusOf(observation)
                    || !Objects.equals(finding.severity, observation.severity())
                    || !Objects.equals(finding.message, message(observation))
                    || !Objects.equals(finding.remediation, remediation(observation))) {
                refresh(finding, observation, scanId, now);
                finding.version++;
                events.updated(finding);
                updated++;
            } else {
                refresh(finding, observation, scanId, now);
            }
        }
        for (FindingEntity finding : known.values()) {
            if (finding.status != FindingStatus.RESOLVED
                    && !seen.containsKey(finding.fingerprint)
                    && scope.mayResolve(finding)) {
                finding.status = FindingStatus.RESOLVED;
                finding.resolvedAt = now;
                finding.version++;
                finding.lastScanId = scanId;
                events.resolved(finding);
                resolved++;
            }
        }
        return new FindingChanges(opened, updated, resolved);
    }

    /** Compared as JSON: stored diffs come back with other number and collection classes. */
    private boolean changed(List<AttributeDiff> stored, List<AttributeDiff> seen) {
        try {
            return !mapper.writeValueAsString(stored).equals(mapper.writeValueAsString(seen));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Diffs cannot be serialised", e);
        }
    }

    private static FindingEntity open(FindingEntity existing, Observation o, long scanId, Instant now) {
        FindingEntity finding = existing == null ? new FindingEntity() : existing;
        finding.fingerprint = o.fingerprint();
        finding.kind = o.kind();
        finding.account = o.account();
        finding.region = o.region();
        finding.resourceType = o.resourceType();
        finding.resourceId = o.resourceId();
        finding.policyId = o.policyId();
        finding.firstSeen = now;
        finding.resolvedAt = null;
        finding.version++;
        refresh(finding, o, scanId, now);
        if (existing == null) {
            finding.persist();
        }
        return finding;
    }

    private static FindingStatus statusOf(Observation o) {
        return o.suppressed() ? FindingStatus.SUPPRESSED : FindingStatus.OPEN;
    }

    private static String message(Observation o) {
        return o.policy() == null ? null : o.policy().message();
    }

    private static RemediationSpec remediation(Observation o) {
        return o.policy() == null ? null : o.policy().remediation();
    }

    private static void refresh(FindingEntity finding, Observation o, long scanId, Instant now) {
        finding.status = statusOf(o);
        // drift has one too since driftwatch.drift.severities: a drift finding stored without gets it here
        finding.severity = o.severity();
        if (o.policy() != null) {
            finding.title = o.policy().title();
            finding.message = o.policy().message();
            finding.references = o.policy().references();
            finding.remediation = o.policy().remediation();
        }
        finding.address = o.address();
        finding.stateFile = o.stateFile();
        finding.diffs = o.diffs();
        finding.lastSeen = now;
        finding.lastScanId = scanId;
    }
}
