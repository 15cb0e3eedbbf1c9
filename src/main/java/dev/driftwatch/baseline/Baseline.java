package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.aws.AwsClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The expected state from every configured source (files, S3 backends, HTTP backends). Built at start-up,
 * so a source configured wrongly stops the service with a message naming the property.
 */
@Startup
@ApplicationScoped
public class Baseline {

    private final List<StateSource> sources;
    private final BaselineReader reader;
    private final TerraformStateParser parser;
    private final StateLocations givenStateLocations;
    private final StateMemory memory;

    Baseline(
            BaselineConfig config,
            ObjectMapper mapper,
            MeterRegistry metrics,
            DatabaseStateMemory database,
            Clock clock,
            AwsClients aws) {
        this.sources = StateSources.from(config, aws);
        this.memory = config.rememberStates() ? database : new InMemoryStateMemory();
        this.reader = new BaselineReader(sources, mapper, metrics, memory, ReadLimits.of(config), clock);
        this.parser = new TerraformStateParser(mapper);
        this.givenStateLocations = StateSources.pathLocations(config);
    }

    /** Every state as it is now; states that did not change since the last call are not read again. */
    public BaselineSnapshot load() {
        return reader.load();
    }

    /**
     * One state given as it is (a pipeline's upload to the check API) instead of the configured ones: its
     * resources located as local files' are, nothing kept afterwards.
     *
     * @param name how findings and errors name the state
     */
    public BaselineSnapshot read(String name, InputStream state) {
        try {
            ParsedState parsed =
                    parser.parse(name, state, new StateResourceMapper(givenStateLocations), header -> false);
            return new BaselineSnapshot(parsed.resources(), List.of(), List.of());
        } catch (StateFileException e) {
            return new BaselineSnapshot(List.of(), List.of(e.error()), List.of(name));
        }
    }

    /** The states the sources listed, with what became of each at the last read. */
    public List<KnownState> knownStates() {
        return memory.all();
    }

    public Optional<KnownState> knownState(String name) {
        return memory.all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * An operator confirms that a state no longer listed is gone: from the next read its resources are no
     * longer unknown, so what it managed may resolve (or be UNMANAGED).
     *
     * @return the state forgotten, empty when none of that name was known
     */
    public Optional<KnownState> confirmGone(String name) {
        return memory.forget(name);
    }

    @PreDestroy
    void close() {
        sources.forEach(StateSource::close);
    }
}
