package dev.driftwatch.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code driftwatch_tickets_open{sink}}, {@code driftwatch_ticket_actions_total{sink,action,outcome}} (outcome:
 * done, retried, failed, closed_by_person, wont_do), {@code driftwatch_ticket_errors_total{sink}} (actions a ticket
 * system refused for good) and {@code driftwatch_ticket_oldest_pending_seconds{sink}} (how long the oldest action not
 * yet done has waited: a ticket system down or slow). Labels are sink names, never ids.
 */
@ApplicationScoped
public class TicketMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestPending = new ConcurrentHashMap<>();

    TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every sink at zero, so rates and alerts work before the first ticket. */
    void register(Iterable<String> sinks) {
        for (String sink : sinks) {
            gauge(sink);
            oldestPending(sink);
            errors(sink);
        }
    }

    void open(Map<String, Long> bySink) {
        bySink.keySet().forEach(this::gauge);
        open.forEach((sink, value) -> value.set(bySink.getOrDefault(sink, 0L)));
    }

    /** Every known sink's oldest pending action's age at {@code now}; 0 for a sink with none. */
    void waiting(Map<String, Instant> oldestBySink, Instant now) {
        oldestBySink.keySet().forEach(this::oldestPending);
        oldestPending.forEach((sink, value) -> value.set(
                oldestBySink.containsKey(sink)
                        ? Math.max(
                                0, Duration.between(oldestBySink.get(sink), now).toSeconds())
                        : 0));
    }

    void action(String sink, ActionKind action, String outcome) {
        Counter.builder("driftwatch_ticket_actions_total")
                .description(
                        "Ticket actions by sink, action and outcome (done, retried, failed, closed_by_person, wont_do)")
                .tag("sink", sink)
                .tag("action", action.label())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if ("failed".equals(outcome)) {
            errors(sink).increment();
        }
    }

    private Counter errors(String sink) {
        return Counter.builder("driftwatch_ticket_errors_total")
                .description("Ticket actions a ticket system refused for good (bad project, bad credentials)")
                .tag("sink", sink)
                .register(registry);
    }

    private AtomicLong oldestPending(String sink) {
        return gauge(
                oldestPending,
                "driftwatch_ticket_oldest_pending_seconds",
                "Age of the oldest ticket action not yet done, by sink (0 when none waits)",
                sink);
    }

    private AtomicLong gauge(String sink) {
        return gauge(open, "driftwatch_tickets_open", "Tickets open, by sink", sink);
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String sink) {
        return values.computeIfAbsent(sink, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag("sink", s)
                    .register(registry);
            return value;
        });
    }
}
