package dev.driftwatch.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores audit entries, each with its event, and lists them newest first. */
@ApplicationScoped
public class AuditTrail {

    private final AuditEvents events;

    AuditTrail(AuditEvents events) {
        this.events = events;
    }

    @Transactional
    public AuditEntry record(AuditEntry entry) {
        AuditEntryEntity row = new AuditEntryEntity();
        row.at = entry.at();
        row.principal = cut(entry.principal(), 256);
        row.roles = entry.roles();
        row.mechanism = entry.mechanism();
        row.action = cut(entry.action(), 512);
        row.target = cut(entry.target(), 1024);
        row.outcome = entry.outcome();
        row.status = entry.status();
        row.clientAddress = entry.clientAddress();
        row.persist();
        AuditEntry stored = AuditEntry.of(row);
        events.recorded(stored);
        return stored;
    }

    @Transactional
    public List<AuditEntry> recent(int limit, String principal) {
        var query = principal == null
                ? AuditEntryEntity.<AuditEntryEntity>find("order by id desc")
                : AuditEntryEntity.<AuditEntryEntity>find("principal = ?1 order by id desc", principal);
        return query.page(0, limit).list().stream().map(AuditEntry::of).toList();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
