package dev.driftwatch.check;

import dev.driftwatch.testsupport.Moto;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged application's {@code check} command as its own process, as bin/driftwatch-check does. */
final class CheckProcess {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Outcome(int exitCode, String stdout, String stderr) {}

    private CheckProcess() {}

    static Outcome run(String... args) {
        return run(List.of(), args);
    }

    /** @param jvmOptions e.g. {@code -Dkey=value} settings, as an operator would pass them */
    static Outcome run(List<String> jvmOptions, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: run the ITs with mvn verify, which packages the application first");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "check"));
        command.addAll(List.of(args));
        try {
            File out = Files.createTempFile("check", ".out").toFile();
            File err = Files.createTempFile("check", ".err").toFile();
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            // Only AWS settings: no database or Kafka is given to the check.
            builder.environment().put("AWS_ENDPOINT_URL", Moto.URL);
            builder.environment().put("AWS_ACCESS_KEY_ID", "test");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            builder.environment().put("DRIFTWATCH_INVENTORY_ACCOUNT_ID", Moto.ACCOUNT);
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("check did not finish within 180 s: " + command);
            }
            return new Outcome(
                    process.exitValue(),
                    Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
