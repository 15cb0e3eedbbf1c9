package dev.driftwatch.sweeper;

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

/** One sweep of one account (V18). Changed only through {@link SweepStore}. */
@Entity
@Table(name = "sweep")
public class SweepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String account;

    @Enumerated(EnumType.STRING)
    public SweepStatus status;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Column(name = "requested_by")
    public String requestedBy;

    public String reason;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> gaps;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "planned_at")
    public Instant plannedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
