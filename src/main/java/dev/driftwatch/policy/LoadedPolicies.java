package dev.driftwatch.policy;

import java.util.List;

/**
 * The policies in force and the files that could not be used.
 *
 * @param errors              every file and directory that could not be used, with why
 * @param unusableDirectories the configured directories among them that are missing or cannot be read: what
 *                            they hold now is unknown
 */
public record LoadedPolicies(List<Policy> policies, List<PolicyError> errors, List<PolicyError> unusableDirectories) {}
