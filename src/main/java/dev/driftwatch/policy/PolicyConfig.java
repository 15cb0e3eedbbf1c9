package dev.driftwatch.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where policies come from and how far an expression may go. */
@ConfigMapping(prefix = "driftwatch.policy")
public interface PolicyConfig {

    /** Directories of policy files ({@code *.yaml}, {@code *.yml}); the built-in pack is {@code policies}. */
    @WithDefault("policies")
    List<String> directories();

    /** Tag keys every resource must carry; overrides the {@code required_tags} variable of every policy. */
    Optional<List<String>> requiredTags();

    /** Longest expression accepted, in characters. */
    @WithDefault("4000")
    @Min(1)
    int maxExpressionLength();

    /** Deepest nesting accepted in an expression. */
    @WithDefault("32")
    @Min(1)
    int maxNesting();

    /** Most iterations one evaluation may make over lists and maps (all, exists, map, filter). */
    @WithDefault("10000")
    @Min(1)
    int maxIterations();

    /**
     * Longest one policy may take on one resource. A policy that takes longer is stopped for the rest of
     * the scan, and that scan resolves none of its findings.
     */
    @WithDefault("1s")
    Duration maxEvaluationTime();
}
