package dev.driftwatch.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code terraform} binary on a copy of a configuration under {@code target/terraform/},
 * offline: providers come from the filesystem mirror ({@code TF_PLUGIN_DIR}, which bin/test sets, else a
 * well-known folder). Every command's output is kept in {@code terraform-<command>.log} there; a failing
 * command fails the test with the log's tail. A machine without Terraform or the mirror fails, never skips.
 */
public final class Terraform {

    /** What one command printed (stdout and stderr), and how it ended. */
    public record Result(int exitCode, String output) {}

    private static final List<Path> MIRROR_CANDIDATES = List.of(
            Path.of("/opt/tf-plugins"),
            Path.of(System.getProperty("user.home"), ".terraform.d/plugins"),
            Path.of("/usr/share/terraform/plugins"),
            Path.of("/usr/local/share/terraform/plugins"));
    private static final String AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private Terraform(Path dir) {
        this.dir = dir;
    }

    /** A fresh working copy of the configuration in {@code source}, initialised against the mirror. */
    public static Terraform init(Path source, String name) {
        Path dir = Path.of("target/terraform", name).toAbsolutePath();
        deleteRecursively(dir);
        copyRecursively(source, dir);
        Terraform terraform = new Terraform(dir);
        terraform.run("version");
        terraform.run("init", "-plugin-dir=" + providerMirror());
        return terraform;
    }

    public Path stateFile() {
        return file("terraform.tfstate");
    }

    /** A file of the working copy, e.g. the configuration {@code plan -generate-config-out} wrote. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** An output of the root module, as {@code terraform output -raw} prints it. */
    public String output(String name) {
        Result result = attempt("output", "-raw", name);
        if (result.exitCode() != 0) {
            throw new AssertionError(
                    "terraform output " + name + " exited with " + result.exitCode() + ":\n" + tail(result.output()));
        }
        return result.output().strip();
    }

    public void apply(Map<String, String> variables) {
        run(withVariables(List.of("apply", "-auto-approve"), variables));
    }

    /**
     * What Terraform itself calls drift: {@code plan -refresh-only} saved to a file, read back with
     * {@code show -json} (the streamed {@code -json} messages name the resources but carry no before/after).
     */
    public List<TerraformDrift> refreshOnlyDrift(Map<String, String> variables) {
        run(withVariables(List.of("plan", "-refresh-only", "-json", "-out=refresh.tfplan"), variables));
        run("show", "-json", "refresh.tfplan");
        try {
            JsonNode plan = JSON.readTree(dir.resolve("terraform-show.log").toFile());
            List<TerraformDrift> drift = new ArrayList<>();
            plan.path("resource_drift").forEach(node -> drift.add(TerraformDrift.of(node)));
            return drift;
        } catch (IOException e) {
            throw new AssertionError(
                    "terraform show -json gave no plan JSON; see " + dir.resolve("terraform-show.log"), e);
        }
    }

    private static List<String> withVariables(List<String> command, Map<String, String> variables) {
        List<String> args = new ArrayList<>(command);
        variables.forEach((k, v) -> args.addAll(List.of("-var", k + "=" + v)));
        return args;
    }

    private void run(String... args) {
        run(List.of(args));
    }

    private void run(List<String> args) {
        Result result = attempt(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " exited with " + result.exitCode()
                    + " (log: " + dir.resolve(logName(args)) + "):\n" + tail(result.output()));
        }
    }

    /** Runs a command whose failure the test wants to look at, rather than fail on. */
    public Result attempt(String... args) {
        return attempt(List.of(args));
    }

    private Result attempt(List<String> args) {
        Path log = dir.resolve(logName(args));
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(!args.get(0).equals("show")) // show's stdout must stay pure JSON
                .redirectOutput(log.toFile());
        if (args.get(0).equals("show")) {
            builder.redirectError(dir.resolve("terraform-show.err.log").toFile());
        }
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("TF_INPUT", "0");
        // A TF_CLI_CONFIG_FILE naming a missing file only makes terraform warn into every log.
        Optional.ofNullable(builder.environment().get("TF_CLI_CONFIG_FILE"))
                .filter(f -> !Files.exists(Path.of(f)))
                .ifPresent(f -> builder.environment().remove("TF_CLI_CONFIG_FILE"));
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("terraform " + args.get(0) + " still running after 5 minutes; see " + log);
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run terraform: is Terraform (1.5+) installed and on PATH? " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running terraform " + args.get(0), e);
        }
    }

    /** The folder holding registry.terraform.io/hashicorp/aws/...: TF_PLUGIN_DIR, else a well-known one. */
    static Path providerMirror() {
        Optional<Path> configured =
                Optional.ofNullable(System.getenv("TF_PLUGIN_DIR")).map(Path::of);
        List<Path> candidates = configured.map(List::of).orElse(MIRROR_CANDIDATES);
        return candidates.stream()
                .filter(p -> Files.isDirectory(p.resolve(AWS_PROVIDER)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no offline mirror of the Terraform AWS provider (" + AWS_PROVIDER
                        + "/...) in " + candidates + "; set TF_PLUGIN_DIR to the folder above registry.terraform.io"));
    }

    private static String logName(List<String> args) {
        return "terraform-" + args.get(0) + ".log";
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The AWS provider for moto: dummy credentials, no account lookups, every collected service at the endpoint. */
    public static String motoProvider(String endpoint, String region) {
        return """
                terraform {
                  required_providers {
                    aws = { source = "hashicorp/aws", version = "~> 5.100" }
                  }
                }

                """ + motoProviderBlock(endpoint, region, "");
    }

    /**
     * One {@code provider "aws"} block for moto, with {@code extra} lines inside it (an {@code alias}, an
     * {@code assume_role} block that puts the provider in another of moto's accounts).
     */
    public static String motoProviderBlock(String endpoint, String region, String extra) {
        StringBuilder endpoints = new StringBuilder();
        for (String service : List.of(
                "ec2",
                "s3",
                "iam",
                "sts",
                "sqs",
                "sns",
                "cloudwatchlogs",
                "dynamodb",
                "kms",
                "lambda",
                "rds",
                "cloudtrail")) {
            endpoints
                    .append("    ")
                    .append(service)
                    .append(" = \"")
                    .append(endpoint)
                    .append("\"\n");
        }
        return """
                provider "aws" {
                %s  region                      = "%s"
                  access_key                  = "test"
                  secret_key                  = "test"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  s3_use_path_style           = true
                  endpoints {
                %s  }
                }
                """.formatted(extra, region, endpoints);
    }

    private static void copyRecursively(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
