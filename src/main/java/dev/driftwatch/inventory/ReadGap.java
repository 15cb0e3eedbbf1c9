package dev.driftwatch.inventory;

/** A part of a target that could not be read, and why. Nothing in it may be reported MISSING or resolved. */
public record ReadGap(String account, String region, String service, String resourceType, String reason) {
}
