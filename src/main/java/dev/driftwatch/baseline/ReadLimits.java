package dev.driftwatch.baseline;

import java.time.Duration;

/**
 * How the reader treats states that vanish and reads that take long, checked at start-up.
 *
 * @param vanishedRounds   reads after which a vanished state is reported as lost (it stays unknown either way)
 * @param maxVanishedShare share of a source's states that may vanish in one read before the source is a problem
 * @param maxWait          longest a scan waits for a read another scan started
 */
record ReadLimits(int vanishedRounds, double maxVanishedShare, Duration maxWait) {

    static final ReadLimits DEFAULTS = new ReadLimits(3, 0.5, Duration.ofMinutes(2));

    ReadLimits {
        if (vanishedRounds < 1) {
            throw new IllegalArgumentException("driftwatch.baseline.vanished-rounds: must be at least 1");
        }
        if (!(maxVanishedShare >= 0 && maxVanishedShare <= 1)) {
            throw new IllegalArgumentException("driftwatch.baseline.max-vanished-share: must be between 0 and 1");
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("driftwatch.baseline.max-wait: must be positive");
        }
    }

    static ReadLimits of(BaselineConfig config) {
        return new ReadLimits(config.vanishedRounds(), config.maxVanishedShare(), config.maxWait());
    }
}
