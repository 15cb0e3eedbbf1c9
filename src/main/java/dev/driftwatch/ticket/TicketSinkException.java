package dev.driftwatch.ticket;

import java.time.Duration;
import java.util.Optional;

/**
 * A ticket system did not do what was asked. {@code retryable}: it may do it later (429, 5xx, timeout, no
 * connection), not before {@code retryAfter} when it said so; otherwise it refused for good (a 4xx: bad project,
 * bad credentials) and the message is the system's own.
 */
public class TicketSinkException extends RuntimeException {

    private final boolean retryable;
    private final transient Duration retryAfter;

    private TicketSinkException(String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static TicketSinkException retry(String message, Optional<Duration> retryAfter) {
        return new TicketSinkException(message, true, retryAfter.orElse(null));
    }

    public static TicketSinkException refused(String message) {
        return new TicketSinkException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
