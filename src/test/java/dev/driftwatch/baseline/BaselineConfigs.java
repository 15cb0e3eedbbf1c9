package dev.driftwatch.baseline;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** {@link BaselineConfig} from properties, as application.properties would give them, without Quarkus. */
final class BaselineConfigs {

    private BaselineConfigs() {}

    static BaselineConfig of(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(BaselineConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus's "60s" form
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(BaselineConfig.class);
    }
}
