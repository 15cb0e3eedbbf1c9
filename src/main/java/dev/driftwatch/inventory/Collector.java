package dev.driftwatch.inventory;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import java.util.List;

/**
 * Reads every resource of one Terraform type in one account and region. One class per type; adding a
 * type means adding a bean. A collector either returns the complete list or throws: a partial list
 * would turn unread resources into false MISSING findings.
 *
 * <p>The attributes a collector reports are the ones the drift engine compares with the state (see
 * {@code drift.DriftComparator}), so report only what the provider also stores, in its names and shape.
 */
public interface Collector {

    /** The Terraform resource type this collector produces, e.g. {@code aws_security_group}. */
    String resourceType();

    /** AWS service the collector reads, for rate limits and for reporting what could not be read. */
    String service();

    /**
     * Global services (IAM, the S3 bucket list) are read once per account, in the scan of the
     * account's {@link Regions#GLOBAL} target, and their resources carry that region.
     */
    default boolean global() {
        return false;
    }

    List<CloudResource> collect(AwsSession session);
}
