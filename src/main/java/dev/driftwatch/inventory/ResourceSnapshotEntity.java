package dev.driftwatch.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The latest snapshot of one live resource. {@code firstSeen} survives updates: the sweeper ages
 * resources AWS gives no creation time for from it.
 */
@Entity
@Table(name = "resource_snapshot")
public class ResourceSnapshotEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String account;
    public String region;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    public String arn;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;

    @Column(name = "last_scan_id")
    public Long lastScanId;
}
