package dev.driftwatch.coverage;

import java.time.Instant;

/**
 * The latest complete coverage figures of one type in one account and region.
 *
 * @param ratio managed / (managed + unmanaged), AWS-managed counted as unmanaged in strict mode; {@code null}
 *              when there is nothing to manage
 */
public record CoverageRow(
        String account,
        String region,
        String type,
        long managed,
        long unmanaged,
        long awsManaged,
        Double ratio,
        long scanId,
        Instant recordedAt) {

    static Double ratio(long managed, long unmanaged, long awsManaged, boolean strict) {
        long all = managed + unmanaged + (strict ? awsManaged : 0);
        return all == 0 ? null : (double) managed / all;
    }
}
