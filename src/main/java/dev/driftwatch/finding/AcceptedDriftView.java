package dev.driftwatch.finding;

import dev.driftwatch.drift.DriftIgnoreParser;
import java.time.Instant;

/**
 * Accepted drift as the API shows it.
 *
 * @param attributePath {@code null} when the whole resource is accepted
 * @param rule          the same entry as a {@code .driftignore} line
 */
public record AcceptedDriftView(
        long id,
        String account,
        String region,
        String type,
        String resourceId,
        String attributePath,
        String rule,
        long findingId,
        String reason,
        String acceptedBy,
        Instant acceptedAt) {

    static AcceptedDriftView of(AcceptedDriftEntity e) {
        String rule = e.resourceType + "." + DriftIgnoreParser.escape(e.resourceId)
                + (e.attributePath == null ? "" : "." + e.attributePath.replace("\\", "\\\\"));
        return new AcceptedDriftView(
                e.id,
                e.account,
                e.region,
                e.resourceType,
                e.resourceId,
                e.attributePath,
                rule,
                e.findingId,
                e.reason,
                e.acceptedBy,
                e.acceptedAt);
    }
}
