package dev.driftwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the packaged service with a wrong setting and checks that it refuses to start with a message
 * naming the property, as an operator would see it in the pod's log.
 */
class StartupConfigIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DRIFTWATCH_INVENTORY_REGIONS | moon-1        | driftwatch.inventory.regions",
                "DRIFTWATCH_INVENTORY_ACCOUNT_ID | 1234       | driftwatch.inventory.account-id",
                "DRIFTWATCH_AWS_MAX_ATTEMPTS | many           | driftwatch.aws.max-attempts",
                "DRIFTWATCH_SCAN_INTERVAL    | 5s             | driftwatch.scan.interval",
            })
    void refusesToStartAndNamesTheProperty(String variable, String value, String property) throws Exception {
        assertThat(JAR).as("the service is packaged before integration tests").exists();
        Path log = Files.createTempFile("driftwatch-startup", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put(variable, value);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/driftwatch_test");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("the service stops by itself")
                    .isTrue();
            String output = read(log);
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output).contains(property);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
