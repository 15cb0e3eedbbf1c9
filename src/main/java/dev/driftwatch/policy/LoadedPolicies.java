package dev.driftwatch.policy;

import java.util.List;

/** The policies in force and the files that could not be used. */
public record LoadedPolicies(List<Policy> policies, List<PolicyError> errors) {
}
