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
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One resource of a sweep's plan and what became of it (V18). */
@Entity
@Table(name = "sweep_item")
public class SweepItemEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "sweep_id")
    public long sweepId;

    public String region;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    public String arn;

    @Enumerated(EnumType.STRING)
    public SweepDecision decision;

    public String reason;

    /** The resource as planned: its attributes, creation time and first sight, to delete and re-check it by. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> resource;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Enumerated(EnumType.STRING)
    public ItemOutcome outcome;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "acted_at")
    public Instant actedAt;
}
