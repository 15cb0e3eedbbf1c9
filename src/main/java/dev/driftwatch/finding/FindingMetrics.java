package dev.driftwatch.finding;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code driftwatch_findings_open{kind,type,account,region}}: open findings, recounted from the database
 * after each scan so every replica reports the same figure.
 */
@ApplicationScoped
public class FindingMetrics {

    private final MultiGauge openFindings;

    FindingMetrics(MeterRegistry registry) {
        this.openFindings = MultiGauge.builder("driftwatch.findings.open")
                .description("Open findings by kind, resource type, account and region")
                .register(registry);
    }

    public void refresh() {
        List<Object[]> counts = QuarkusTransaction.requiringNew().call(() -> FindingEntity.getEntityManager()
                .createQuery(
                        "select f.kind, f.resourceType, f.account, f.region, count(f) from FindingEntity f"
                                + " where f.status = :open group by f.kind, f.resourceType, f.account, f.region",
                        Object[].class)
                .setParameter("open", FindingStatus.OPEN)
                .getResultList());
        openFindings.register(
                counts.stream()
                        .map(c -> MultiGauge.Row.of(
                                Tags.of(
                                        "kind",
                                        c[0].toString(),
                                        "type",
                                        (String) c[1],
                                        "account",
                                        (String) c[2],
                                        "region",
                                        (String) c[3]),
                                (Long) c[4]))
                        .toList(),
                true);
    }
}
