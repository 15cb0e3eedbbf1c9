package dev.driftwatch.api.auth;

/**
 * One caller's request allowance: {@code perMinute} tokens, refilled continuously. Time is a monotonic
 * tick in nanoseconds ({@link System#nanoTime()} in the service), not the wall {@code Clock}: a limit on
 * throughput must not starve a caller because the wall clock was set back, nor free one because it jumped.
 */
final class RequestBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int perMinute;
    private double tokens;
    private long lastTick;

    RequestBucket(int perMinute, long nowTick) {
        this.perMinute = perMinute;
        this.tokens = perMinute;
        this.lastTick = nowTick;
    }

    /** 0 if a token was taken, else the milliseconds until one is there. */
    synchronized long take(long nowTick) {
        long elapsed = Math.max(0, nowTick - lastTick); // a tick never runs back; be safe if one does
        tokens = Math.min(perMinute, tokens + elapsed * perMinute / NANOS_PER_MINUTE);
        lastTick = Math.max(lastTick, nowTick);
        if (tokens >= 1) {
            tokens--;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
    }
}
