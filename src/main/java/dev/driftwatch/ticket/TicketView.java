package dev.driftwatch.ticket;

import java.time.Instant;

/** A ticket as {@code GET /api/tickets} shows it. */
public record TicketView(
        long id,
        String fingerprint,
        String sink,
        String externalId,
        String url,
        TicketStatus status,
        long findingId,
        int findingVersion,
        String account,
        String region,
        String resourceType,
        String resourceId,
        String policyId,
        String title,
        String severity,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Long previousTicketId) {

    static TicketView of(TicketEntity t) {
        return new TicketView(
                t.id,
                t.fingerprint,
                t.sink,
                t.externalId,
                t.url,
                t.status,
                t.findingId,
                t.findingVersion,
                t.account,
                t.region,
                t.resourceType,
                t.resourceId,
                t.policyId,
                t.title,
                t.toldSeverity,
                t.createdAt,
                t.updatedAt,
                t.closedAt,
                t.previousTicketId);
    }
}
