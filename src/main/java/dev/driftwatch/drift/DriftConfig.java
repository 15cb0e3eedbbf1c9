package dev.driftwatch.drift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the comparison reports: how much of what AWS owns, and which drift is ignored. */
@ConfigMapping(prefix = "driftwatch.drift")
public interface DriftConfig {

    /**
     * Report AWS-managed resources no state holds (default VPC pieces, service-linked roles) as UNMANAGED
     * and count them in coverage. Placeholders (pseudo types, absent settings) are never reported.
     */
    @WithDefault("false")
    boolean strict();

    /** {@code .driftignore} files, read again at every scan; a missing or unreadable file is reported, never fatal. */
    Optional<List<Path>> ignoreFiles();

    /** Rules in {@code .driftignore} syntax, applied after the files' rules, e.g. {@code aws_iam_role.*.tags.LastRotated}. */
    Optional<List<String>> ignore();
}
