package dev.driftwatch.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckArgumentsTest {

    @Test
    void mapsOntoTheServiceConfiguration() {
        CheckArguments args = CheckArguments.parse(List.of(
                "--state",
                "a.tfstate",
                "--state",
                "envs/**/x,y.tfstate",
                "--account",
                "111111111111",
                "--region",
                "eu-west-1",
                "--region",
                "us-east-1",
                "--format",
                "json",
                "--ignore-file",
                "ci/.driftignore"));

        assertThat(args.format()).isEqualTo(CheckArguments.Format.JSON);
        assertThat(args.config())
                .containsEntry("driftwatch.baseline.terraform.paths", "a.tfstate,envs/**/x\\,y.tfstate")
                .containsEntry("driftwatch.inventory.regions", "eu-west-1,us-east-1")
                .containsEntry("driftwatch.inventory.account-id", "111111111111")
                .containsEntry("driftwatch.drift.ignore-files", "ci/.driftignore");
    }

    @Test
    void leavesRegionsAndAccountToConfigurationWhenNotGiven() {
        CheckArguments args = CheckArguments.parse(List.of("--state", "a.tfstate"));

        assertThat(args.format()).isEqualTo(CheckArguments.Format.TABLE);
        assertThat(args.strict()).isFalse();
        assertThat(args.config()).containsOnlyKeys("driftwatch.baseline.terraform.paths");
    }

    @Test
    void strictIsTheChecksOwnAndNotTheComparatorsStrictMode() {
        CheckArguments args = CheckArguments.parse(List.of("--state", "a.tfstate", "--strict"));

        assertThat(args.strict()).isTrue();
        assertThat(args.config()).doesNotContainKey("driftwatch.drift.strict");
    }

    @Test
    void relativePathsAreTakenFromTheCallersDirectoryWhenTheScriptPassesIt() {
        // bin/driftwatch-check runs the JVM inside the application's directory and passes the caller's.
        System.setProperty(CheckArguments.WORKING_DIR_PROPERTY, "/builds/infra");
        try {
            CheckArguments args = CheckArguments.parse(List.of(
                    "--state", "states/**/*.tfstate", "--state", "/abs/x.tfstate", "--ignore-file", "ci/.driftignore"));

            assertThat(args.states()).containsExactly("/builds/infra/states/**/*.tfstate", "/abs/x.tfstate");
            assertThat(args.ignoreFiles()).containsExactly("/builds/infra/ci/.driftignore");
        } finally {
            System.clearProperty(CheckArguments.WORKING_DIR_PROPERTY);
        }
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        assertThatThrownBy(() -> CheckArguments.parse(List.of())).hasMessage("at least one --state is required");
        assertThatThrownBy(() -> CheckArguments.parse(List.of("--state"))).hasMessage("--state needs a value");
        assertThatThrownBy(() -> CheckArguments.parse(List.of("--state", "a", "--account", "12")))
                .hasMessage("--account must be a 12-digit AWS account id, was 12");
        assertThatThrownBy(() -> CheckArguments.parse(List.of("--state", "a", "--verbose")))
                .hasMessage("unknown argument: --verbose");
    }
}
