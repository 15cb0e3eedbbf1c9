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

    /** Name of this replica in scan records; defaults to host name and process id. */
    Optional<String> instanceId();
}
