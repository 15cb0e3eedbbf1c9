package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
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
    private final InMemoryStateMemory memory = new InMemoryStateMemory();
    private BaselineReader reader;
    private Path network;
    private Path app;

    @BeforeEach
    void twoStates() throws IOException {
        network = Files.writeString(dir.resolve("network.tfstate"), States.groups(1, "lin-net", "sg-1", "sg-2"));
        app = Files.writeString(dir.resolve("app.tfstate"), States.groups(4, "lin-app", "sg-9"));
        reader = new BaselineReader(
                List.of(new FileStateSource(
                        dir.toString(), StateLocations.defaults(Optional.empty(), Optional.empty()))),
                new ObjectMapper(),
                metrics,
                memory,
                ReadLimits.DEFAULTS,
                Clock.systemUTC());
    }

    @Test
    void anUnchangedStateIsNotParsedAgain() {
        BaselineSnapshot first = reader.load();
        BaselineSnapshot second = reader.load();

        assertThat(ids(second))
                .containsExactlyInAnyOrder("sg-1", "sg-2", "sg-9")
                .isEqualTo(ids(first));
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
        assertThat(after.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                .startsWith("truncated"));
        assertThat(after.complete()).isFalse();
        assertThat(reads("failed")).isEqualTo(1);
    }

    @Test
    void aDeletedStateIsUnknownUntilConfirmedGoneNotGone() throws IOException {
        reader.load();
        Files.delete(app);

        BaselineSnapshot after = reader.load();

        // Had it been forgotten, what it managed would turn MISSING-resolved and UNMANAGED.
        assertThat(ids(after)).containsExactlyInAnyOrder("sg-1", "sg-2");
        assertThat(after.complete()).isFalse();
        assertThat(after.failedSources()).containsExactly(app.toString());
        assertThat(after.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(app.toString());
            assertThat(e.problem())
                    .isEqualTo(
                            "listed by " + dir + " before, not now: unknown until confirmed gone; DELETE /api/states/"
                                    + VanishedStates.encoded(app.toString()) + " confirms");
        });
        assertThat(memory.of(dir.toString()).get(app.toString()).status()).isEqualTo(KnownState.Status.VANISHED);
        assertThat(reads("vanished")).isEqualTo(1);

        // Still unknown on every read, and said so once past vanished-rounds, until an operator confirms it gone.
        reader.load();
        reader.load();
        BaselineSnapshot fourth = reader.load();
        assertThat(fourth.failedSources()).containsExactly(app.toString());
        assertThat(fourth.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                .startsWith("not listed by " + dir + " for 4 reads"));

        assertThat(memory.forget(app.toString())).isPresent();
        BaselineSnapshot confirmed = reader.load();
        assertThat(confirmed.complete()).isTrue();
        assertThat(confirmed.failedSources()).isEmpty();
    }

    @Test
    void aVanishedStateThatComesBackIsReadAgain() throws IOException {
        reader.load();
        String content = Files.readString(app);
        Files.delete(app);
        assertThat(reader.load().complete()).isFalse();

        Files.writeString(app, content);

        BaselineSnapshot back = reader.load();
        assertThat(back.complete()).isTrue();
        assertThat(ids(back)).containsExactlyInAnyOrder("sg-1", "sg-2", "sg-9");
        assertThat(memory.of(dir.toString()).get(app.toString()).status()).isEqualTo(KnownState.Status.READ);
    }

    @Test
    void aStateOfTheSameLineageWithNoResourcesConfirmsAVanishedOneGone() throws IOException {
        reader.load();
        // terraform destroy, then the state moved to another key: the same lineage, nothing left in it.
        Files.delete(app);
        Files.writeString(dir.resolve("app-destroyed.tfstate"), States.groups(5, "lin-app"));

        BaselineSnapshot after = reader.load();

        assertThat(after.complete()).isTrue();
        assertThat(ids(after)).containsExactlyInAnyOrder("sg-1", "sg-2");
        assertThat(memory.of(dir.toString()))
                .containsOnlyKeys(
                        network.toString(), dir.resolve("app-destroyed.tfstate").toString());
        assertThat(memory.of(dir.toString())
                        .get(dir.resolve("app-destroyed.tfstate").toString())
                        .status())
                .isEqualTo(KnownState.Status.DESTROYED);
    }

    @Test
    void aSourceLosingMostOfItsStatesAtOnceIsAProblemOfTheSourceAndAllItsStatesAreUnknown() throws IOException {
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("extra-" + i + ".tfstate"), States.groups(1, "lin-" + i, "sg-x" + i));
        }
        assertThat(reader.load().complete()).isTrue();
        Files.delete(app);
        for (int i = 0; i < 3; i++) {
            Files.delete(dir.resolve("extra-" + i + ".tfstate"));
        }

        BaselineSnapshot after = reader.load();

        assertThat(after.resources()).isEmpty();
        assertThat(after.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(dir.toString());
            assertThat(e.problem()).startsWith("lost 4 of 5 states in one round: every state of the source is unknown");
        });
        assertThat(after.failedSources())
                .contains(
                        network.toString(),
                        app.toString(),
                        dir.resolve("extra-0.tfstate").toString());
        assertThat(reader.load().errors()).singleElement().satisfies(e -> assertThat(e.problem())
                .startsWith("4 of its 5 states are still not listed"));
    }

    @Test
    void aSourceThatListsNoStateIsAnErrorNotAnEmptyBaseline() throws IOException {
        reader.load();
        Files.delete(network);
        Files.delete(app);

        BaselineSnapshot empty = reader.load();

        assertThat(empty.complete()).isFalse();
        assertThat(empty.resources()).isEmpty();
        assertThat(empty.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(dir.toString());
            assertThat(e.problem())
                    .isEqualTo(
                            "no state found (no *.tfstate file in the directory): its resources are unknown, not unmanaged");
        });
        assertThat(empty.failedSources()).containsExactlyInAnyOrder(dir.toString(), network.toString(), app.toString());
    }

    @Test
    void aGlobWhoseBaseDirectoryDoesNotExistIsAnErrorNamingIt() {
        String glob = dir + "/nowhere/**/*.tfstate";
        BaselineReader fresh = new BaselineReader(
                List.of(new FileStateSource(glob, StateLocations.defaults(Optional.empty(), Optional.empty()))),
                new ObjectMapper(),
                metrics);

        BaselineSnapshot snapshot = fresh.load();

        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(glob);
            assertThat(e.problem())
                    .isEqualTo("no state found (no file matches the glob: its base directory " + dir.resolve("nowhere")
                            + " does not exist): its resources are unknown, not unmanaged");
        });
    }

    private double reads(String outcome) {
        var counter = metrics.find("driftwatch.state.reads")
                .tags("source", "terraform.paths", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> ids(BaselineSnapshot snapshot) {
        return snapshot.resources().stream().map(r -> r.resource().id()).toList();
    }
}
