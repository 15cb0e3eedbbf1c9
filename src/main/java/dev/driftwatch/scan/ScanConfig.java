package dev.driftwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When scans run. */
@ConfigMapping(prefix = "driftwatch.scan")
public interface ScanConfig {

    /** Time between two scheduled scans of a region. */
    @WithDefault("15m")
    Duration interval();

    /** Delay before the first scheduled scan after the schedule is created. */
    @WithDefault("30s")
    Duration initialDelay();
}
