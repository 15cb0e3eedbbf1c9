package dev.driftwatch.drift;

import dev.driftwatch.resource.CloudResource;
import java.util.Map;

/**
 * Per-type canonical form, applied to both the state's and the cloud's attributes before they are
 * compared, so that equal configurations written differently are not reported as drift.
 */
public interface Normaliser {

    String resourceType();

    /** Attributes in a canonical form; the same function is applied to both sides. */
    Map<String, Object> normalise(Map<String, Object> attributes);

    /** Resources AWS creates and owns (a VPC's default group): AWS-managed, not unmanaged unless strict (see {@link Ownership}). */
    default boolean awsManaged(CloudResource live) {
        return false;
    }
}
