package dev.driftwatch.inventory;

/** A blocking token bucket: {@link #take()} waits until a request may be sent. */
final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(int perSecond, int burst) {
        this.tokensPerNano = perSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    void take() {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1; // may go negative: later callers queue behind this one
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / tokensPerNano);
        }
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the AWS rate limit", e);
            }
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}
