package dev.driftwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** When scans run, and how replicas share them. */
@ConfigMapping(prefix = "driftwatch.scan")
public interface ScanConfig {

    /** Whether this process schedules scans and creates the scan-request topic; off in the one-shot check. */
    @WithDefault("true")
    boolean enabled();

    /** Time between two scan rounds (every account and region). */
    @WithDefault("15m")
    Duration interval();

    /** Delay before the first round after the schedule is created. */
    @WithDefault("30s")
    Duration initialDelay();

    /** Partitions of driftwatch.scan-requests when driftwatch creates it: the most replicas that can share scans. */
    @WithDefault("12")
    @Min(1)
    int requestPartitions();

    /** Name of this replica in scan records; defaults to host name and process id. Unique per replica. */
    Optional<String> instanceId();

    /**
     * How often a replica looks in PostgreSQL for queued scans when nothing woke it (a request made on this
     * replica, or a {@code scan.requested} event); also how often it tells the others it is alive.
     */
    @WithDefault("5s")
    Duration pollInterval();

    /** Scans this replica runs at once. */
    @WithDefault("4")
    @Min(1)
    int concurrency();

    /**
     * A replica not heard from for this long is taken as gone: its RUNNING scans are failed, and queued again
     * for another replica to take over ({@link #maxAttempts()}). At least three poll intervals.
     */
    @WithDefault("60s")
    Duration replicaTimeout();

    /**
     * Runs of one scan request at most: a scan cut short by its replica's end (gone, or restarted) is queued
     * again as a new run until this many have been tried; then it stays FAILED with the reason. 1: no retry.
     */
    @WithDefault("3")
    @Min(1)
    int maxAttempts();
}
