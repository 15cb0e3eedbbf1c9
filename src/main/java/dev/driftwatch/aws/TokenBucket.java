package dev.driftwatch.aws;

import java.util.function.LongSupplier;

/** A blocking token bucket: {@link #take()} waits until a request may be sent. */
final class TokenBucket {

    /** Waits the given nanoseconds; a seam so tests need not sleep. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    TokenBucket(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    TokenBucket(int perSecond, int burst, LongSupplier clock, Sleeper sleeper) {
        this.tokensPerNano = perSecond / 1e9;
        this.capacity = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.refilledAt = clock.getAsLong();
    }

    void take() {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1; // may go negative: later callers queue behind this one
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
        }
        if (waitNanos > 0) {
            try {
                sleeper.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the AWS rate limit", e);
            }
        }
    }

    private void refill() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}
