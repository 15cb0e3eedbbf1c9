package dev.driftwatch.remediation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a remediation's timeline. */
@Entity
@Table(name = "remediation_step")
public class RemediationStepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "remediation_id")
    public long remediationId;

    public Instant at;
    public String step;
    public String actor;
    public String detail;
}
