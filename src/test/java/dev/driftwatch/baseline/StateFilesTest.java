package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {

    @TempDir
    Path tmp;

    private Path top;
    private Path network;
    private Path app;

    /**
     * envs/top.tfstate, envs/prod/network.tfstate, envs/prod/app/app.tfstate, plus files that are not states
     * (a backup, notes, a JSON file) and a state outside envs/.
     */
    @BeforeEach
    void layout() throws IOException {
        top = file("envs/top.tfstate");
        network = file("envs/prod/network.tfstate");
        app = file("envs/prod/app/app.tfstate");
        file("envs/prod/network.tfstate.backup");
        file("envs/prod/notes.txt");
        file("envs/prod/app/plan.json");
        file("other/elsewhere.tfstate");
    }

    @Test
    void aSingleFileIsItself() throws IOException {
        assertThat(StateFiles.expand(network.toString())).containsExactly(network);
    }

    @Test
    void aDirectoryMeansEveryStateBelowIt() throws IOException {
        assertThat(StateFiles.expand(tmp.resolve("envs").toString()))
                .containsExactlyInAnyOrder(abs(top), abs(network), abs(app));
    }

    @Test
    void doubleStarGlobMatchesAcrossDirectories() throws IOException {
        assertThat(StateFiles.expand(tmp + "/envs/**.tfstate"))
                .containsExactlyInAnyOrder(abs(top), abs(network), abs(app));
    }

    @Test
    void doubleStarSlashGlobFindsNestedStates() throws IOException {
        assertThat(StateFiles.expand(tmp + "/envs/**/*.tfstate"))
                .contains(abs(network), abs(app))
                .doesNotContain(abs(tmp.resolve("other/elsewhere.tfstate")));
    }

    /**
     * {@code /states/**}{@code /*.tfstate} is the example in application.properties; as in shells (globstar),
     * .gitignore and Terraform's fileset(), {@code **}{@code /} also matches no directory at all, so a state
     * directly in {@code envs/} must not be silently left out of the baseline.
     */
    @Test
    void doubleStarSlashGlobAlsoMatchesStatesDirectlyInTheBase() throws IOException {
        assertThat(StateFiles.expand(tmp + "/envs/**/*.tfstate"))
                .containsExactlyInAnyOrder(abs(top), abs(network), abs(app));
    }

    @Test
    void singleStarStaysInOneDirectory() throws IOException {
        assertThat(StateFiles.expand(tmp + "/envs/prod/*.tfstate")).containsExactly(abs(network));
    }

    @Test
    void aGlobMatchingNothingGivesNoFiles() throws IOException {
        assertThat(StateFiles.expand(tmp + "/envs/**/*.tfvars")).isEmpty();
        assertThat(StateFiles.expand(tmp + "/nowhere/**/*.tfstate")).isEmpty();
    }

    private Path file(String relative) throws IOException {
        Path path = tmp.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "{}");
    }

    private static Path abs(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
