package dev.driftwatch.remediation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's circuit breaker (V15); written by {@link Breakers}' statements, read here. */
@Entity
@Table(name = "remediation_breaker")
public class BreakerEntity extends PanacheEntityBase {

    @Id
    public String account;

    @Column(name = "failures_in_a_row")
    public int failuresInARow;

    public boolean open;
    public String reason;

    @Column(name = "changed_at")
    public Instant changedAt;
}
