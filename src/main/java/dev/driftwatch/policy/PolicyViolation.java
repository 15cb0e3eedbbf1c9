package dev.driftwatch.policy;

import dev.driftwatch.resource.CloudResource;

/** A resource that breaks a policy, with the policy's message for it. */
public record PolicyViolation(PolicyDefinition policy, CloudResource resource, String message) {}
