package dev.driftwatch.remediation;

import dev.driftwatch.remediation.action.PlannedCall;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One decision about one finding version (V15). Changed only through {@link Remediations}. */
@Entity
@Table(name = "remediation")
public class RemediationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String fingerprint;

    @Column(name = "finding_id")
    public long findingId;

    @Column(name = "finding_version")
    public int findingVersion;

    public String account;
    public String region;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "policy_id")
    public String policyId;

    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> parameters;

    @Enumerated(EnumType.STRING)
    public RemediationMode mode;

    @Enumerated(EnumType.STRING)
    public RemediationStatus status;

    public String reason;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "approvals_required")
    public int approvalsRequired;

    @Column(name = "dry_run")
    public boolean dryRun;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "planned_call")
    public PlannedCall plannedCall;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "written_at")
    public Instant writtenAt;

    /** When the scan it was decided from saw the finding (the per-scan cap counts these). */
    @Column(name = "scan_seen_at")
    public Instant scanSeenAt;
}
