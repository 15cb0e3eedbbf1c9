package dev.driftwatch.ticket;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One thing to do in a ticket system (V16): queued by {@link TicketIntake}, done by {@link TicketWorker}. */
@Entity
@Table(name = "ticket_action")
public class TicketActionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public long ticketId;

    public String sink;
    public String fingerprint;

    @Column(name = "finding_version")
    public int findingVersion;

    @Enumerated(EnumType.STRING)
    public ActionKind action;

    /** {@link TicketQueue#FINDING}, or the remediation step that queued it. */
    public String cause;

    @JdbcTypeCode(SqlTypes.JSON)
    public TicketText payload;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
