package dev.driftwatch.sweeper;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@link SweeperConfig} from properties, as the service reads them. */
final class SweeperConfigs {

    private SweeperConfigs() {}

    static SweeperConfig of(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(overrides);
        return new SmallRyeConfigBuilder()
                .withMapping(SweeperConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(SweeperConfig.class);
    }
}
