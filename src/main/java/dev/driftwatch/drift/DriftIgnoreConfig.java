package dev.driftwatch.drift;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Drift that is not reported: driftctl-compatible ignore files, and rules in the same syntax written in configuration. */
@ConfigMapping(prefix = "driftwatch.drift")
public interface DriftIgnoreConfig {

    /** {@code .driftignore} files, read again at every scan; a missing or unreadable file is reported, never fatal. */
    Optional<List<Path>> ignoreFiles();

    /** Rules in {@code .driftignore} syntax, applied after the files' rules, e.g. {@code aws_iam_role.*.tags.LastRotated}. */
    Optional<List<String>> ignore();
}
