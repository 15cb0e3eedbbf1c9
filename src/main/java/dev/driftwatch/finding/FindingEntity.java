package dev.driftwatch.finding;

import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.resource.AttributeDiff;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A finding as stored: one row per fingerprint, reopened rather than duplicated. */
@Entity
@Table(name = "finding")
public class FindingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String fingerprint;

    @Enumerated(EnumType.STRING)
    public FindingKind kind;

    @Enumerated(EnumType.STRING)
    public FindingStatus status;

    public String account;
    public String region;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "policy_id")
    public String policyId;

    public String address;

    @Column(name = "state_file")
    public String stateFile;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<AttributeDiff> diffs;
    /** Goes up each time the finding opens or changes; remediation is idempotent per version. */
    public int version;
    /**
     * Optimistic lock: a write based on a stale read (a scan and an accept at once) fails and is retried
     * rather than overwriting the other ({@link ConcurrentFindingUpdates}).
     */
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "last_scan_id")
    public Long lastScanId;
    /** For VIOLATION: the policy's severity, title, message and references. */
    public String severity;

    public String title;
    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "policy_refs")
    public List<String> references = List.of();
    /** For VIOLATION: the policy's remediation section; {@code null} when it has none. */
    @JdbcTypeCode(SqlTypes.JSON)
    public RemediationSpec remediation;
}
