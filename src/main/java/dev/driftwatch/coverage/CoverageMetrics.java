package dev.driftwatch.coverage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code driftwatch_iac_coverage_ratio{account,region,type}}: the latest complete figures from the
 * database, re-read after each scan that stores some, so every replica that scans reports the same.
 */
@ApplicationScoped
public class CoverageMetrics {

    private final MultiGauge ratio;

    CoverageMetrics(MeterRegistry registry) {
        this.ratio = MultiGauge.builder("driftwatch.iac.coverage.ratio")
                .description("Share of live resources managed by a Terraform state (managed / (managed + unmanaged))")
                .register(registry);
    }

    void refresh(List<CoverageRow> rows) {
        ratio.register(
                rows.stream()
                        .filter(r -> r.ratio() != null)
                        .map(r -> MultiGauge.Row.of(
                                Tags.of("account", r.account(), "region", r.region(), "type", r.type()), r.ratio()))
                        .toList(),
                true);
    }
}
