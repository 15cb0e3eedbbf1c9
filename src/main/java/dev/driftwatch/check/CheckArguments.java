package dev.driftwatch.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-shot check's command line: {@code check --state PATH|GLOB ... [--account ID ...] [--region R ...]
 * [--ignore-file FILE ...] [--format table|json] [--only-managed] [--strict]}. Everything but the format and filters maps onto the service's own
 * configuration keys, so the check reads states and the cloud exactly as a scan does.
 */
public record CheckArguments(
        List<String> states,
        List<String> accounts,
        List<String> regions,
        List<String> ignoreFiles,
        Format format,
        boolean onlyManaged,
        boolean strict) {

    /** Read when no --ignore-file is given and it exists, as driftctl does. */
    static final String DEFAULT_IGNORE_FILE = ".driftignore";
    /**
     * The directory relative paths are meant from. bin/driftwatch-check starts the JVM inside the
     * application's directory (its class-data archive only works from there) and passes the caller's here.
     */
    static final String WORKING_DIR_PROPERTY = "driftwatch.check.working-dir";

    public static final String USAGE = """
            usage: driftwatch-check --state PATH|DIR|GLOB [--state ...] [--account ID ...] [--region REGION ...]
                                    [--ignore-file FILE ...] [--format table|json] [--only-managed] [--strict]
              ignore rules: driftctl .driftignore syntax; ./.driftignore is read when no --ignore-file is given
              --strict: state resources of types driftwatch does not read fail the check too
              exit 0 = in sync, 1 = drift, 2 = error (unreadable state, account or region not read completely,
                       state resources in accounts or regions not read or of unknown location, bad arguments)""";

    public enum Format {
        TABLE,
        JSON
    }

    public CheckArguments {
        states = List.copyOf(states);
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        ignoreFiles = List.copyOf(ignoreFiles);
    }

    /** @throws IllegalArgumentException naming the bad argument */
    public static CheckArguments parse(List<String> args) {
        List<String> states = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> ignoreFiles = new ArrayList<>();
        Format format = Format.TABLE;
        boolean onlyManaged = false;
        boolean strict = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--state" -> states.add(fromWorkingDir(value(args, ++i, arg)));
                case "--account" -> accounts.add(value(args, ++i, arg));
                case "--region" -> regions.add(value(args, ++i, arg));
                case "--ignore-file" -> ignoreFiles.add(fromWorkingDir(value(args, ++i, arg)));
                case "--format" -> format = format(value(args, ++i, arg));
                case "--only-managed" -> onlyManaged = true;
                case "--strict" -> strict = true;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("at least one --state is required");
        }
        for (String account : accounts) {
            if (!account.matches("\\d{12}")) {
                throw new IllegalArgumentException("--account must be a 12-digit AWS account id, was " + account);
            }
        }
        String defaultIgnoreFile = fromWorkingDir(DEFAULT_IGNORE_FILE);
        if (ignoreFiles.isEmpty() && Files.isRegularFile(Path.of(defaultIgnoreFile))) {
            ignoreFiles.add(defaultIgnoreFile);
        }
        return new CheckArguments(states, accounts, regions, ignoreFiles, format, onlyManaged, strict);
    }

    /** The configuration keys these arguments set (they win over application.properties and the environment). */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("driftwatch.baseline.terraform.paths", listValue(states));
        if (!ignoreFiles.isEmpty()) {
            config.put("driftwatch.drift.ignore-files", listValue(ignoreFiles));
        }
        if (!regions.isEmpty()) {
            config.put("driftwatch.inventory.regions", String.join(",", regions));
        }
        if (accounts.size() == 1) {
            config.put("driftwatch.inventory.account-id", accounts.get(0)); // used when no accounts are configured
        }
        return config;
    }

    /** A relative path (or glob) as meant from the caller's directory; unchanged when none was passed. */
    private static String fromWorkingDir(String path) {
        String workingDir = System.getProperty(WORKING_DIR_PROPERTY);
        return workingDir == null || path.startsWith("/")
                ? path
                : Path.of(workingDir).resolve(path).toString();
    }

    /** A list as one configuration value: commas inside an entry escaped. */
    private static String listValue(List<String> entries) {
        return String.join(",", entries.stream().map(s -> s.replace(",", "\\,")).toList());
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Format format(String value) {
        return switch (value) {
            case "table" -> Format.TABLE;
            case "json" -> Format.JSON;
            default -> throw new IllegalArgumentException("--format must be table or json, was " + value);
        };
    }
}
