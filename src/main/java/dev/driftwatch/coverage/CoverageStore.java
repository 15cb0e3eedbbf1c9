package dev.driftwatch.coverage;

import dev.driftwatch.drift.DriftConfig;
import dev.driftwatch.drift.TypeCoverage;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * IaC coverage in PostgreSQL: each scan writes the figures of the types it could judge (read completely,
 * every state readable; see drift.Comparison), and every replica reads the latest ones from there.
 */
@ApplicationScoped
public class CoverageStore {

    private static final String UPSERT = "insert into iac_coverage (account, region, resource_type, managed, unmanaged,"
            + " aws_managed, scan_id, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())"
            + " on conflict (account, region, resource_type) do update set managed = excluded.managed,"
            + " unmanaged = excluded.unmanaged, aws_managed = excluded.aws_managed, scan_id = excluded.scan_id,"
            + " recorded_at = excluded.recorded_at where iac_coverage.scan_id <= excluded.scan_id";

    private final CoverageMetrics metrics;
    private final boolean strict;

    CoverageStore(CoverageMetrics metrics, DriftConfig config) {
        this.metrics = metrics;
        this.strict = config.strict();
    }

    /** A replica that has not scanned yet still reports what others stored (the one-shot check has no database). */
    void onStart(
            @Observes StartupEvent start,
            @ConfigProperty(name = "quarkus.hibernate-orm.active", defaultValue = "true") boolean database) {
        if (database) {
            metrics.refresh(latest(null, null, null));
        }
    }

    /** Looked up when used, not injected: the one-shot check runs with Hibernate inactive. */
    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    /**
     * Stores one scan's figures, in the scan's transaction when there is one (they commit with its findings;
     * {@link #refreshMetrics()} after); an older scan finishing late does not replace a newer one's.
     */
    public void record(long scanId, ScanTarget target, List<TypeCoverage> coverage) {
        if (coverage.isEmpty()) {
            return;
        }
        QuarkusTransaction.joiningExisting()
                .run(() -> coverage.forEach(c -> em().createNativeQuery(UPSERT)
                        .setParameter(1, target.account())
                        .setParameter(2, target.region())
                        .setParameter(3, c.type())
                        .setParameter(4, c.managed())
                        .setParameter(5, c.unmanaged())
                        .setParameter(6, c.awsManaged())
                        .setParameter(7, scanId)
                        .executeUpdate()));
    }

    /** The gauges from what is committed: called once the scan's transaction is. */
    public void refreshMetrics() {
        metrics.refresh(latest(null, null, null));
    }

    /** The latest figures, filtered by any of account, region and type; types with no resource at all are left out. */
    public CoverageReport report(String account, String region, String type) {
        return CoverageReport.of(latest(account, region, type), strict);
    }

    List<CoverageRow> latest(String account, String region, String type) {
        StringBuilder sql =
                new StringBuilder("select account, region, resource_type, managed, unmanaged, aws_managed, scan_id,"
                        + " recorded_at from iac_coverage where managed + unmanaged + aws_managed > 0");
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("account", account);
        filters.put("region", region);
        filters.put("resource_type", type);
        List<String> values = new ArrayList<>();
        filters.forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                values.add(value);
                sql.append(" and ").append(column).append(" = ?").append(values.size());
            }
        });
        sql.append(" order by account, region, resource_type");
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em().createNativeQuery(sql.toString(), Object[].class);
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            List<Object[]> rows = query.getResultList();
            return rows.stream().map(this::row).toList();
        });
    }

    private CoverageRow row(Object[] c) {
        long managed = ((Number) c[3]).longValue();
        long unmanaged = ((Number) c[4]).longValue();
        long awsManaged = ((Number) c[5]).longValue();
        return new CoverageRow(
                (String) c[0],
                (String) c[1],
                (String) c[2],
                managed,
                unmanaged,
                awsManaged,
                CoverageRow.ratio(managed, unmanaged, awsManaged, strict),
                ((Number) c[6]).longValue(),
                instant(c[7]));
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
