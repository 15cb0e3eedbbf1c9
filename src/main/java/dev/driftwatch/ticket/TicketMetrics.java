package dev.driftwatch.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code driftwatch_tickets_open{sink}}, {@code driftwatch_ticket_actions_total{sink,action,outcome}} (outcome:
 * done, retried, failed, closed_by_person, wont_do) and {@code driftwatch_ticket_errors_total{sink}} (actions a ticket system refused for
 * good: an alert's signal). Labels are sink names, never ids.
 */
@ApplicationScoped
public class TicketMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

    TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every sink at zero, so rates and alerts work before the first ticket. */
    void register(Iterable<String> sinks) {
        for (String sink : sinks) {
            gauge(sink);
            errors(sink);
        }
    }

    void open(Map<String, Long> bySink) {
        bySink.keySet().forEach(this::gauge);
        open.forEach((sink, value) -> value.set(bySink.getOrDefault(sink, 0L)));
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

    private AtomicLong gauge(String sink) {
        return open.computeIfAbsent(sink, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("driftwatch_tickets_open", value, AtomicLong::get)
                    .description("Tickets open, by sink")
                    .tag("sink", s)
                    .register(registry);
            return value;
        });
    }
}
