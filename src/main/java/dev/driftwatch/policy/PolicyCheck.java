package dev.driftwatch.policy;

import dev.driftwatch.resource.ResourceTypeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command-line check of policy files, for CI before a policy is merged: {@code bin/policy-check DIR|FILE...}.
 * Prints each problem as {@code file:line: reason}; exits 0 when every file is valid, 1 when one is not,
 * 2 when a file cannot be read. Runs without the service, its database or AWS.
 */
public final class PolicyCheck {

    private PolicyCheck() {}

    public static void main(String[] args) {
        System.exit(run(args.length == 0 ? List.of("policies") : List.of(args)));
    }

    static int run(List<String> paths) {
        PolicyCompiler compiler = new PolicyCompiler(ResourceTypeCatalog.collectedTypes(), 4000, 32, 10000);
        int valid = 0;
        List<PolicyError> errors = new ArrayList<>();
        try {
            for (Path file : files(paths)) {
                try {
                    compiler.compile(file.toString(), Files.readString(file));
                    valid++;
                } catch (PolicyException e) {
                    errors.addAll(e.errors());
                }
            }
        } catch (IOException e) {
            System.err.println("cannot read policies: " + e.getMessage());
            return 2;
        }
        errors.forEach(System.out::println);
        System.out.println(valid + " valid, "
                + errors.stream().map(PolicyError::file).distinct().count() + " invalid");
        return errors.isEmpty() ? 0 : 1;
    }

    private static List<Path> files(List<String> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(f -> f.toString().endsWith(".yaml")
                                    || f.toString().endsWith(".yml"))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(p + " does not exist");
            }
        }
        return files;
    }
}
