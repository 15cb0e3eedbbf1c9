package dev.driftwatch.scan;

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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One scan of one account and region, from request to result. */
@Entity
@Table(name = "scan_run")
public class ScanRunEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String account;
    public String region;

    @Column(name = "trigger_source")
    public String trigger;

    @Enumerated(EnumType.STRING)
    public ScanStatus status;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "resources_scanned")
    public int resourcesScanned;

    @Column(name = "findings_opened")
    public int findingsOpened;

    @Column(name = "findings_updated")
    public int findingsUpdated;

    @Column(name = "findings_resolved")
    public int findingsResolved;
    /** The replica that ran the scan. */
    @Column(name = "scanned_by")
    public String scannedBy;
    /** 1 for a requested scan; one more for each run that takes over from a run cut short. */
    public int attempt = 1;
    /** The run cut short that this one takes over from. */
    @Column(name = "retry_of")
    public Long retryOf;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ScanProblem> problems = new ArrayList<>();
}
