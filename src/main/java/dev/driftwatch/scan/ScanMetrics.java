package dev.driftwatch.scan;

import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scan metrics, labelled by account and region only (never resource ids):
 * {@code driftwatch_scan_duration_seconds}, {@code driftwatch_scan_failures_total},
 * {@code driftwatch_resources_scanned_total}.
 */
@ApplicationScoped
public class ScanMetrics {

    private final MeterRegistry registry;

    ScanMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ScanTarget target, InventorySnapshot live, ScanStatus status, long nanos) {
        timer(target.account(), target.region(), status).record(Duration.ofNanos(nanos));
        if (status != ScanStatus.COMPLETE) {
            failure(target.account(), target.region(), status);
        }
        Map<String, Long> byType =
                live.resources().stream().collect(Collectors.groupingBy(CloudResource::type, Collectors.counting()));
        live.readTypes().forEach(type -> Counter.builder("driftwatch.resources.scanned")
                .description("Resources read from AWS")
                .tags("account", target.account(), "region", target.region(), "type", type)
                .register(registry)
                .increment(byType.getOrDefault(type, 0L)));
    }

    void recordFailure(ScanTarget target, ScanStatus status, long nanos) {
        timer(target.account(), target.region(), status).record(Duration.ofNanos(nanos));
        failure(target.account(), target.region(), status);
    }

    private Timer timer(String account, String region, ScanStatus status) {
        return Timer.builder("driftwatch.scan.duration")
                .description("Time of one scan of one account and region")
                .tags("account", account, "region", region, "status", status.name())
                .register(registry);
    }

    private void failure(String account, String region, ScanStatus status) {
        Counter.builder("driftwatch.scan.failures")
                .description("Scans that were partial or failed")
                .tags("account", account, "region", region, "status", status.name())
                .register(registry)
                .increment();
    }
}
