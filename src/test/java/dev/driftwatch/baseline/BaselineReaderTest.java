package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change detection over local files: what a user sees in {@code driftwatch_state_reads_total}. */
class BaselineReaderTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private BaselineReader reader;
    private Path network;
    private Path app;

    @BeforeEach
    void twoStates() throws IOException {
        network = Files.writeString(dir.resolve("network.tfstate"), States.groups(1, "lin-net", "sg-1", "sg-2"));
        app = Files.writeString(dir.resolve("app.tfstate"), States.groups(4, "lin-app", "sg-9"));
        reader = new BaselineReader(List.of(new FileStateSource(dir.toString(), StateLocations.defaults(Optional.empty(), Optional.empty()))),
                new ObjectMapper(), metrics);
    }

    @Test
    void anUnchangedStateIsNotParsedAgain() {
        BaselineSnapshot first = reader.load();
        BaselineSnapshot second = reader.load();

        assertThat(ids(second)).containsExactlyInAnyOrder("sg-1", "sg-2", "sg-9").isEqualTo(ids(first));
        assertThat(reads("parsed")).isEqualTo(2);
        assertThat(reads("unchanged")).isEqualTo(2);
    }

    @Test
    void aChangedStateIsParsedAgainAndOnlyIt() throws IOException {
        reader.load();
        Files.writeString(network, States.groups(2, "lin-net", "sg-1", "sg-3"));

        BaselineSnapshot after = reader.load();

        assertThat(ids(after)).containsExactlyInAnyOrder("sg-1", "sg-3", "sg-9");
        assertThat(reads("parsed")).isEqualTo(3);
        assertThat(reads("unchanged")).isEqualTo(1);
    }

    @Test
    void aRewrittenFileWithTheSameSerialAndLineageIsNotParsedAgain() throws IOException {
        reader.load();
        // Same state written again (a copy, a sync tool): the file's version changes, the state's does not.
        Files.writeString(network, States.groups(1, "lin-net", "sg-1", "sg-2") + "\n");
        Files.setLastModifiedTime(network, FileTime.from(Instant.now().plusSeconds(5)));

        BaselineSnapshot after = reader.load();

        assertThat(ids(after)).containsExactlyInAnyOrder("sg-1", "sg-2", "sg-9");
        assertThat(reads("parsed")).isEqualTo(2);
        assertThat(reads("unchanged")).isEqualTo(2);
    }

    @Test
    void aNewLineageWithTheSameSerialIsADifferentState() throws IOException {
        reader.load();
        Files.writeString(network, States.groups(1, "lin-other", "sg-7"));

        assertThat(ids(reader.load())).containsExactlyInAnyOrder("sg-7", "sg-9");
        assertThat(reads("parsed")).isEqualTo(3);
    }

    @Test
    void aStateBrokenAfterAGoodReadIsAFailedSourceNotAnEmptyOne() throws IOException {
        reader.load();
        Files.writeString(network, "{\"version\": 4, \"serial\": 2, \"resources\": [ {");

        BaselineSnapshot after = reader.load();

        // Its resources are unknown this round: neither the old ones nor none (which would make them MISSING).
        assertThat(ids(after)).containsExactly("sg-9");
        assertThat(after.failedSources()).containsExactly(network.toString());
        assertThat(after.errors()).singleElement().satisfies(e -> assertThat(e.problem()).startsWith("truncated"));
        assertThat(after.complete()).isFalse();
        assertThat(reads("failed")).isEqualTo(1);
    }

    @Test
    void aDeletedStateIsForgotten() throws IOException {
        reader.load();
        Files.delete(app);

        BaselineSnapshot after = reader.load();

        assertThat(ids(after)).containsExactlyInAnyOrder("sg-1", "sg-2");
        assertThat(after.complete()).isTrue();
    }

    private double reads(String outcome) {
        var counter = metrics.find("driftwatch.state.reads").tags("source", "terraform.paths", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> ids(BaselineSnapshot snapshot) {
        return snapshot.resources().stream().map(r -> r.resource().id()).toList();
    }
}
