package dev.driftwatch.inventory;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import java.util.List;

/**
 * Reads every resource of one Terraform type in one account and region. One class per type; adding a
 * type means adding a bean. A collector either returns the complete list or throws: a partial list
 * would turn unread resources into false MISSING findings.
 */
public interface Collector {

    /** The Terraform resource type this collector produces, e.g. {@code aws_security_group}. */
    String resourceType();

    /** AWS service the collector reads, for reporting what could not be read. */
    String service();

    List<CloudResource> collect(ScanTarget target);
}
