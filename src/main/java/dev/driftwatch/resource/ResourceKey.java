package dev.driftwatch.resource;

/** How a live resource finds its expected twin: Terraform type plus the id Terraform stores. */
public record ResourceKey(String type, String id) {}
