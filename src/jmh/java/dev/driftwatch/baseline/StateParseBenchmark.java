package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One large state file read through the service's own path (file source, streaming parser, cache) in a fork
 * limited to 512 MB of heap: {@link #parse} with an empty cache, {@link #unchangedReload} with the state already
 * read. Run with {@code bin/bench-state-parse}, which generates the file and passes it as {@code state}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = "-Xmx512m")
public class StateParseBenchmark {

    /** Path of the state file; there is no useful default. */
    @Param("")
    String state;

    private BaselineReader warmReader;
    private long instances;

    @Setup
    public void setUp() throws Exception {
        if (state.isEmpty() || !Files.isRegularFile(Path.of(state))) {
            throw new IllegalArgumentException("-p state=<a .tfstate file> is required, got '" + state + "'");
        }
        warmReader = reader();
        instances = load(warmReader).resources().size();
        System.out.printf("%nstate: %.1f MB, instances: %d%n", Files.size(Path.of(state)) / 1048576.0, instances);
    }

    /** The first read of the state: opened, parsed and mapped to expected resources. */
    @Benchmark
    public BaselineSnapshot parse() {
        return load(reader());
    }

    /** A second read of the unchanged state: size, time and inode compared, nothing parsed. */
    @Benchmark
    public BaselineSnapshot unchangedReload() {
        return load(warmReader);
    }

    private BaselineReader reader() {
        FileStateSource source =
                new FileStateSource(state, StateLocations.defaults(Optional.of("111122223333"), Optional.empty()));
        return new BaselineReader(List.of(source), new ObjectMapper(), new SimpleMeterRegistry());
    }

    private BaselineSnapshot load(BaselineReader reader) {
        BaselineSnapshot snapshot = reader.load();
        if (!snapshot.errors().isEmpty()) { // a failed read must not be timed as a fast one
            throw new IllegalStateException(snapshot.errors().toString());
        }
        if (instances > 0 && snapshot.resources().size() != instances) {
            throw new IllegalStateException(snapshot.resources().size() + " instances, expected " + instances);
        }
        return snapshot;
    }
}
