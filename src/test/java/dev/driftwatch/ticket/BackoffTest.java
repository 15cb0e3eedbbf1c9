package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Waits between attempts: doubling, capped, and never shorter than the ticket system's Retry-After. */
class BackoffTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void doublesFromTheFirstWaitUpToTheMax() {
        assertThat(BACKOFF.after(1, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(BACKOFF.after(2, Optional.empty())).isEqualTo(Duration.ofSeconds(20));
        assertThat(BACKOFF.after(4, Optional.empty())).isEqualTo(Duration.ofSeconds(80));
        assertThat(BACKOFF.after(12, Optional.empty())).isEqualTo(Duration.ofHours(1));
        assertThat(BACKOFF.after(10_000, Optional.empty())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLongerRetryAfterWinsAShorterOneDoesNot() {
        assertThat(BACKOFF.after(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(BACKOFF.after(3, Optional.of(Duration.ofSeconds(5)))).isEqualTo(Duration.ofSeconds(40));
        assertThat(BACKOFF.after(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(Backoff.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(Backoff.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(Backoff.retryAfter("Sat, 05 Dec 2026 10:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(Backoff.retryAfter("Sat, 05 Dec 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(Backoff.retryAfter("soon", NOW)).isEmpty();
        assertThat(Backoff.retryAfter(null, NOW)).isEmpty();
    }
}
