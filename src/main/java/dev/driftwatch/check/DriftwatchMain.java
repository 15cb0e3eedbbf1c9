package dev.driftwatch.check;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point: the service by default; {@code check ...} runs the one-shot drift check for CI and exits
 * (0 in sync, 1 drift, 2 error). The check runs under the {@code check} profile, which leaves the
 * database, Kafka, Quartz and the HTTP server off (application.properties).
 */
@QuarkusMain
public final class DriftwatchMain {

    private DriftwatchMain() {}

    public static void main(String... args) {
        if (args.length == 0 || !"check".equals(args[0])) {
            Quarkus.run(args);
            return;
        }
        List<String> checkArgs = Arrays.asList(args).subList(1, args.length);
        CheckArguments arguments;
        try {
            arguments = CheckArguments.parse(checkArgs);
        } catch (IllegalArgumentException e) {
            System.err.println("driftwatch check: " + e.getMessage());
            System.err.println(CheckArguments.USAGE);
            System.exit(CheckResult.ERROR);
            return;
        }
        // Before start: Quarkus reads the profile and configuration when it starts.
        System.setProperty("quarkus.profile", System.getProperty("quarkus.profile", "check"));
        arguments.config().forEach(System::setProperty);
        Quarkus.run(
                CheckCommand.class,
                (code, failure) -> {
                    if (failure != null) {
                        System.err.println("driftwatch check: could not start: " + causes(failure));
                        System.exit(CheckResult.ERROR);
                    }
                    System.exit(code);
                },
                checkArgs.toArray(String[]::new));
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
