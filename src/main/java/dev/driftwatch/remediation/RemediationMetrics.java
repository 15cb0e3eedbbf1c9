package dev.driftwatch.remediation;

import dev.driftwatch.remediation.RemediationEvent.Step;
import dev.driftwatch.remediation.action.RemediationAction;
import dev.driftwatch.remediation.action.RemediationActions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code driftwatch_remediations_total{action,outcome}} (outcome: the step, and for a skip its reason code, e.g.
 * {@code skipped_stale}), what waits for approval and for how long, and each account's circuit breaker. Registered
 * at start, the verified and failed counts of every action at zero, so rates and alerts work from the first fix.
 */
@Startup
@ApplicationScoped
public class RemediationMetrics {

    private final MeterRegistry registry;
    private final AtomicLong awaiting = new AtomicLong();
    private final AtomicLong oldestAwaitingSeconds = new AtomicLong();
    private final Map<String, AtomicLong> breakerOpen = new ConcurrentHashMap<>();

    RemediationMetrics(MeterRegistry registry, RemediationActions actions) {
        this.registry = registry;
        for (RemediationAction action : actions.all()) {
            counter(action.name(), "verified");
            counter(action.name(), "failed");
        }
        Gauge.builder("driftwatch_remediations_awaiting_approval", awaiting, AtomicLong::get)
                .description("Remediations waiting for approval")
                .register(registry);
        Gauge.builder(
                        "driftwatch_remediations_awaiting_approval_oldest_seconds",
                        oldestAwaitingSeconds,
                        AtomicLong::get)
                .description("How long the oldest remediation waiting for approval has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    void stepped(String action, Step step, String reason) {
        counter(action, outcome(step, reason)).increment();
    }

    private Counter counter(String action, String outcome) {
        return Counter.builder("driftwatch_remediations_total")
                .description("Remediation steps by action and outcome")
                .tag("action", action)
                .tag("outcome", outcome)
                .register(registry);
    }

    static String outcome(Step step, String reason) {
        String outcome = step.label().replace('-', '_');
        if (step == Step.SKIPPED && reason != null && reason.contains(":")) {
            outcome += "_" + reason.substring(0, reason.indexOf(':')).replace('-', '_');
        }
        return outcome;
    }

    void awaiting(long count, long oldestSeconds) {
        awaiting.set(count);
        oldestAwaitingSeconds.set(oldestSeconds);
    }

    void breakers(Map<String, Boolean> openByAccount) {
        openByAccount.forEach((account, open) -> breakerOpen
                .computeIfAbsent(account, a -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("driftwatch_remediation_breaker_open", value, AtomicLong::get)
                            .description("1 while auto-remediation is stopped in the account")
                            .tag("account", a)
                            .register(registry);
                    return value;
                })
                .set(open ? 1 : 0));
        Set<String> known = breakerOpen.keySet();
        known.stream()
                .filter(a -> !openByAccount.containsKey(a))
                .forEach(a -> breakerOpen.get(a).set(0));
    }
}
