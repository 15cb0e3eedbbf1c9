package dev.driftwatch.api.auth;

import java.time.Instant;

/**
 * One state-changing API call or refusal of one: who (principal, their roles, how they authenticated), what
 * (method and path), its outcome ({@code done}, {@code refused} for 401/403/411/413/429, {@code failed} otherwise),
 * the status, when and from where. Never a body, query string or header.
 */
public record AuditEntry(
        Long id,
        Instant at,
        String principal,
        String roles,
        String mechanism,
        String action,
        String target,
        String outcome,
        int status,
        String clientAddress) {

    static String outcome(int status) {
        if (status < 400) {
            return "done";
        }
        return status == 401 || status == 403 || status == 411 || status == 413 || status == 429 ? "refused" : "failed";
    }

    static AuditEntry of(AuditEntryEntity e) {
        return new AuditEntry(
                e.id,
                e.at,
                e.principal,
                e.roles,
                e.mechanism,
                e.action,
                e.target,
                e.outcome,
                e.status,
                e.clientAddress);
    }
}
