package dev.driftwatch.inventory;

import dev.driftwatch.resource.ResourceKey;

/**
 * A part of a target that could not be read, and why. Nothing in it may be reported MISSING or resolved.
 *
 * @param resourceId the one resource that is unknown (listed, but a call about it was refused), or {@code null}
 *                   when the whole type is unread
 */
public record ReadGap(
        String account, String region, String service, String resourceType, String resourceId, String reason) {

    /** The whole type is unread. */
    public ReadGap(String account, String region, String service, String resourceType, String reason) {
        this(account, region, service, resourceType, null, reason);
    }

    public boolean oneResource() {
        return resourceId != null;
    }

    public ResourceKey resource() {
        return new ResourceKey(resourceType, resourceId);
    }
}
