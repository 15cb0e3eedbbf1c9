package dev.driftwatch.sweeper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code driftwatch_sweeps_total{outcome}} (how sweeps ended or stopped: completed, planned (a dry run), capped,
 * refused, failed), {@code driftwatch_sweep_resources_total{type,outcome}} (outcome: an {@link ItemOutcome}, or {@code dry-run} for
 * what a dry run would delete), {@code driftwatch_sweep_refusals_total{reason}} and
 * {@code driftwatch_sweep_last_success_timestamp_seconds{account}}: when this replica last finished a sweep of the
 * account (a dry run's plan counts); the alert takes the newest over the replicas.
 */
@ApplicationScoped
public class SweepMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    SweepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every refusal reason at zero, so rates and alerts work before the first refusal. */
    void register(Iterable<String> accounts) {
        Arrays.stream(Refusal.Reason.values()).forEach(this::refusals);
        for (SweepStatus status : List.of(
                SweepStatus.COMPLETED,
                SweepStatus.PLANNED,
                SweepStatus.CAPPED,
                SweepStatus.REFUSED,
                SweepStatus.FAILED)) {
            sweeps(status);
        }
        accounts.forEach(this::lastSuccess);
    }

    void ended(SweepStatus status) {
        sweeps(status).increment();
    }

    void resources(String type, String outcome, long count) {
        Counter.builder("driftwatch_sweep_resources_total")
                .description("Resources the sweeper acted on, by type and outcome (dry-run: would have deleted)")
                .tag("type", type)
                .tag("outcome", outcome.toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry)
                .increment(count);
    }

    void refused(Refusal.Reason reason) {
        refusals(reason).increment();
    }

    void succeeded(String account, Instant at) {
        lastSuccess(account).set(at.getEpochSecond());
    }

    private Counter sweeps(SweepStatus status) {
        return Counter.builder("driftwatch_sweeps_total")
                .description("Sweeps by how they ended or stopped (capped: waiting for an approver)")
                .tag("outcome", status.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter refusals(Refusal.Reason reason) {
        return Counter.builder("driftwatch_sweep_refusals_total")
                .description("Sweeps refused or stopped before any delete, by reason")
                .tag("reason", reason.label())
                .register(registry);
    }

    private AtomicLong lastSuccess(String account) {
        return lastSuccess.computeIfAbsent(account, a -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("driftwatch_sweep_last_success_timestamp_seconds", value, AtomicLong::get)
                    .description("When this replica last finished a sweep of the account (0: not since it started)")
                    .tag("account", a)
                    .register(registry);
            return value;
        });
    }
}
