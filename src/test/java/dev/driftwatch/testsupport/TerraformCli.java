package dev.driftwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real {@code terraform} binary in a working directory, with the offline AWS provider mirror and a
 * provider pointed at moto. Tests that use it fail, never skip, when Terraform or the mirror is missing.
 */
public final class TerraformCli {

    /** What one command printed, and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private static final List<Path> MIRROR_ROOTS = List.of(Path.of("/opt"), Path.of("/usr/local/share"), Path.of("/usr/share"),
            Path.of(System.getProperty("user.home"), ".terraform.d"));

    private final Path dir;

    public TerraformCli(Path dir) {
        this.dir = dir;
    }

    /** Runs {@code terraform <args>} in the directory, non-interactively, within ten minutes. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("terraform", "-chdir=" + dir.toAbsolutePath()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("TF_INPUT", "0");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("terraform " + args[0] + " took more than 10 minutes");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Terraform is needed for this test and could not be run (is it on PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command and fails with its output unless it exits 0. */
    public String succeed(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /** {@code terraform init} from the offline provider mirror. */
    public String init() {
        return succeed("init", "-no-color", "-plugin-dir=" + pluginDir());
    }

    /** The folder above {@code registry.terraform.io/hashicorp/aws}: {@code TF_PLUGIN_DIR}, else found under usual roots. */
    public static Path pluginDir() {
        String configured = System.getenv("TF_PLUGIN_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return MIRROR_ROOTS.stream().filter(Files::isDirectory).map(TerraformCli::findMirror).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("No AWS provider mirror (registry.terraform.io/hashicorp/aws) under "
                        + MIRROR_ROOTS + "; set TF_PLUGIN_DIR"));
    }

    /** A provider block for moto: dummy credentials, no account lookups, every service at the endpoint. */
    public static String motoProvider(String endpoint, String region) {
        StringBuilder endpoints = new StringBuilder();
        for (String service : List.of("ec2", "s3", "iam", "sts", "sqs", "sns", "cloudwatchlogs", "dynamodb", "kms", "lambda", "rds",
                "cloudtrail")) {
            endpoints.append("    ").append(service).append(" = \"").append(endpoint).append("\"\n");
        }
        return """
                terraform {
                  required_providers {
                    aws = { source = "hashicorp/aws", version = "~> 5.100" }
                  }
                }

                provider "aws" {
                  region                      = "%s"
                  access_key                  = "test"
                  secret_key                  = "test"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  s3_use_path_style           = true
                  endpoints {
                %s  }
                }
                """.formatted(region, endpoints);
    }

    private static Optional<Path> findMirror(Path root) {
        try (Stream<Path> paths = Files.find(root, 8, (p, a) -> p.endsWith(Path.of("registry.terraform.io", "hashicorp", "aws")))) {
            return paths.findFirst().map(p -> p.getParent().getParent().getParent());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
