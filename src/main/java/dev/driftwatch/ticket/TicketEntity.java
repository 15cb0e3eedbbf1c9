package dev.driftwatch.ticket;

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
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One ticket of one finding in one sink (V16). Changed only through {@link TicketIntake} and {@link TicketQueue}. */
@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String fingerprint;
    public String sink;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

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

    public String title;

    @Column(name = "told_severity")
    public String toldSeverity;

    @Column(name = "told_message")
    public String toldMessage;

    @Column(name = "told_diffs")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AttributeDiff> toldDiffs;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "previous_ticket_id")
    public Long previousTicketId;

    Told told() {
        return new Told(toldSeverity, toldMessage, toldDiffs == null ? List.of() : toldDiffs);
    }

    void tell(Told told) {
        toldSeverity = told.severity();
        toldMessage = told.message();
        toldDiffs = told.diffs();
    }
}
