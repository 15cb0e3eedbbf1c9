package dev.driftwatch.drift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of what AWS owns the comparison reports. */
@ConfigMapping(prefix = "driftwatch.drift")
public interface StrictModeConfig {

    /**
     * Report AWS-managed resources no state holds (default VPC pieces, service-linked roles) as UNMANAGED
     * and count them in coverage. Placeholders (pseudo types, absent settings) are never reported.
     */
    @WithDefault("false")
    boolean strict();
}
