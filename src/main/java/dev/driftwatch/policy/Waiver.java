package dev.driftwatch.policy;

import dev.driftwatch.resource.CloudResource;
import java.time.Instant;
import java.util.Map;

/**
 * A waiver as the API shows and takes it: for {@code policyId}, either one resource ({@code resourceId})
 * or every resource tagged {@code tagKey=tagValue}; it stops applying by itself at {@code expiresAt}.
 * {@code createdBy} is who granted it, from their identity: a {@code createdBy} in a request body is ignored.
 */
public record Waiver(
        Long id,
        String policyId,
        String resourceId,
        String tagKey,
        String tagValue,
        String owner,
        String reason,
        Instant expiresAt,
        String createdBy) {

    public boolean covers(String policy, CloudResource resource, Instant now) {
        if (!policyId.equals(policy) || !expiresAt.isAfter(now)) {
            return false;
        }
        if (resourceId != null) {
            return resourceId.equals(resource.id());
        }
        Map<?, ?> tags = resource.attributes().get("tags") instanceof Map<?, ?> m ? m : Map.of();
        return tagKey != null && tagValue != null && tagValue.equals(tags.get(tagKey));
    }

    static Waiver of(WaiverEntity w) {
        return new Waiver(
                w.id, w.policyId, w.resourceId, w.tagKey, w.tagValue, w.owner, w.reason, w.expiresAt, w.createdBy);
    }
}
