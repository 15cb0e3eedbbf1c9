package dev.driftwatch.testsupport;

import dev.driftwatch.inventory.ResourceTypes;
import java.util.Set;

/** The Terraform types driftwatch collects, for tests that compile policies without the whole service. */
public final class KnownTypes {

    public static final Set<String> ALL = ResourceTypes.COLLECTED;

    private KnownTypes() {}
}
