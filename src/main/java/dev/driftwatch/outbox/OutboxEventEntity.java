package dev.driftwatch.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event written in the same transaction as the change it reports, published later by the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
    /** Sends tried, whatever their outcome. */
    public int attempts;
    /** Sends Kafka refused for good (too large, invalid, not authorised); at {@code max-attempts} the row is dead. */
    public int failures;
    /** When the row was parked: no longer sent, and later rows of its key wait behind it. */
    @Column(name = "dead_at")
    public Instant deadAt;

    @Column(name = "last_error")
    public String lastError;
}
