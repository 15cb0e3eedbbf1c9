package dev.driftwatch.drift;

import dev.driftwatch.policy.PolicyDefinition;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the comparison reports: how much of what AWS owns, which drift is ignored, and how bad drift is. */
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

    /** The severity of drift no rule in {@link #severities()} matches: {@code low}, {@code medium}, {@code high} or {@code critical}. */
    @WithDefault("medium")
    PolicyDefinition.Severity defaultSeverity();

    /**
     * Severity of drift by rule name, e.g. {@code severities.open-ingress.type=aws_security_group} with
     * {@code .attribute=ingress*} and {@code .severity=high}. Where several rules match, the highest severity wins
     * (see {@link DriftSeverities}). Ticket {@code open-at} rules and routes by severity read it.
     */
    Map<String, SeverityRule> severities();

    /** Drift this rule matches is at its severity (or higher, when another rule says so). */
    interface SeverityRule {

        /** Terraform type ({@code aws_security_group}), or {@code *} for every type. */
        @WithDefault("*")
        String type();

        /** {@code changed}, {@code unmanaged}, {@code missing} (case ignored), or {@code *} for every kind. */
        @WithDefault("*")
        String kind();

        /**
         * Attribute path of which at least one changed attribute must match: {@code *} within a segment
         * ({@code tags.*}), {@code **} anything. Left at {@code **}, the rule looks at no attribute, so it matches
         * UNMANAGED and MISSING drift too (they have no changed attributes); naming one, it matches CHANGED only.
         */
        @WithDefault("**")
        String attribute();

        /** {@code low}, {@code medium}, {@code high} or {@code critical}. */
        PolicyDefinition.Severity severity();
    }
}
