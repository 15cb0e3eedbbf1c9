package dev.driftwatch.inventory;

import dev.driftwatch.resource.ResourceTypeCatalog;
import java.util.Set;

/**
 * Every Terraform type a collector produces, for tools that run without the service (the policy check): the
 * collected types of {@link ResourceTypeCatalog}. {@code ResourceTypesIT} keeps it equal to the collectors the
 * service actually has.
 */
public final class ResourceTypes {

    public static final Set<String> COLLECTED = ResourceTypeCatalog.collectedTypes();

    private ResourceTypes() {}
}
