package dev.driftwatch.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When to try a refused action again: exponential, capped, but never sooner than the system's Retry-After. */
public record Backoff(Duration first, Duration max) {

    /** The wait after {@code attempts} attempts (1 after the first). */
    public Duration after(int attempts, Optional<Duration> retryAfter) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        Duration capped = wait.compareTo(max) > 0 ? max : wait;
        // the system knows best when it will take the call again: a longer Retry-After wins even over max
        return retryAfter.filter(r -> r.compareTo(capped) > 0).orElse(capped);
    }

    /** A {@code Retry-After} header (RFC 9110 10.2.3): seconds, or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
