package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The expected state from every configured source (files, S3 backends, HTTP backends). Built at start-up,
 * so a source configured wrongly stops the service with a message naming the property.
 */
@Startup
@ApplicationScoped
public class Baseline {

    private final List<StateSource> sources;
    private final BaselineReader reader;

    Baseline(BaselineConfig config, ObjectMapper mapper, MeterRegistry metrics) {
        this.sources = StateSources.from(config);
        this.reader = new BaselineReader(sources, mapper, metrics);
    }

    /** Every state as it is now; states that did not change since the last call are not read again. */
    public BaselineSnapshot load() {
        return reader.load();
    }

    @PreDestroy
    void close() {
        sources.forEach(StateSource::close);
    }
}
