package dev.driftwatch.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How the relay moves outbox rows to Kafka. */
@ConfigMapping(prefix = "driftwatch.outbox")
public interface OutboxConfig {

    /** Whether this process relays the outbox to Kafka; off in the one-shot check, which has neither. */
    @WithDefault("true")
    boolean enabled();

    /** Pause between looks at the outbox when it was empty or Kafka failed. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events sent before waiting for Kafka's acknowledgements. */
    @WithDefault("200")
    @Min(1)
    @Max(5000)
    int batchSize();

    /**
     * How long to wait for a batch's acknowledgements. Keep it above the producer's
     * {@code max.block.ms + delivery.timeout.ms}, so no event is still in flight when it is retried.
     */
    @WithDefault("40s")
    Duration ackTimeout();

    /**
     * Refusals for good (record too large, invalid record, not authorised) after which an event is parked as
     * dead; later events with its key wait behind it. Failures that may pass (broker down, timeouts) never
     * count: a Kafka outage delays events, it never parks them.
     */
    @WithDefault("10")
    @Min(1)
    int maxAttempts();

    /** How long published events are kept in the outbox before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    /** How often published events older than {@link #retention()} are deleted. */
    @WithDefault("1h")
    Duration pruneInterval();
}
