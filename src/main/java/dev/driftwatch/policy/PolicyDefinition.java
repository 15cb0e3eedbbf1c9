package dev.driftwatch.policy;

import java.util.List;
import java.util.Map;

/**
 * A policy file as written: what it checks, how bad a violation is, and what to do about it.
 *
 * @param resource  the Terraform type it applies to, e.g. {@code aws_security_group}
 * @param violation CEL over {@code resource} and {@code vars}, true when the resource breaks the policy
 * @param message   CEL string expression explaining one violation
 * @param remediation its {@code remediation} section; {@code null} when it has none
 * @param approvals   how many distinct approvers its remediation needs ({@code remediation.approvals}); 0: as
 *                    configured for every policy
 */
public record PolicyDefinition(
        String id,
        String title,
        Severity severity,
        List<String> references,
        String resource,
        Scope scope,
        Map<String, Object> variables,
        String violation,
        String message,
        RemediationSpec remediation,
        int approvals,
        String file) {

    public enum Severity {
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }

    /** Where a policy applies; empty lists and maps mean everywhere. */
    public record Scope(
            List<String> accounts,
            List<String> regions,
            Map<String, String> includeTags,
            Map<String, String> excludeTags) {

        public static final Scope EVERYWHERE = new Scope(List.of(), List.of(), Map.of(), Map.of());
    }
}
