package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limit in front of each account's services, on a clock the test moves. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final List<Long> waits = new ArrayList<>();
    private final TokenBucket bucket = new TokenBucket(10, 3, now::get, nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos); // the caller sleeps: time passes
    });

    @Test
    void aBurstGoesOutAtOnceThenRequestsAreSpacedAtTheRate() {
        for (int i = 0; i < 6; i++) {
            bucket.take();
        }
        // 3 from the burst without waiting, then one every 100 ms at 10 per second
        assertThat(waits).containsExactly(SECOND / 10, SECOND / 10, SECOND / 10);
    }

    @Test
    void idleTimeRefillsUpToTheBurstOnly() {
        for (int i = 0; i < 3; i++) {
            bucket.take();
        }
        now.addAndGet(60 * SECOND); // a minute idle earns 600 tokens, but the bucket holds 3
        for (int i = 0; i < 4; i++) {
            bucket.take();
        }
        assertThat(waits).containsExactly(SECOND / 10);
    }
}
