package dev.driftwatch.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Terraform type driftwatch knows, one {@link ResourceTypeDescriptor} each: the collected ones and the
 * state-only {@code aws_default_*} types that map to a collected one. {@code ResourceTypesIT} keeps the collected
 * ones equal to the service's collectors, {@code ResourceTypeCatalogTest} the docs and the benchmark's model.
 */
public final class ResourceTypeCatalog {

    private static final Map<String, ResourceTypeDescriptor> BY_TYPE = Stream.of(
                    NetworkTypes.ALL, Ec2Types.ALL, S3Types.ALL, IamTypes.ALL, ServiceTypes.ALL)
            .flatMap(List::stream)
            .collect(Collectors.toMap(
                    ResourceTypeDescriptor::type,
                    Function.identity(),
                    (a, b) -> {
                        throw new IllegalStateException("two descriptors for " + a.type());
                    },
                    LinkedHashMap::new));

    private static final Set<String> COLLECTED = BY_TYPE.values().stream()
            .filter(ResourceTypeDescriptor::collected)
            .map(ResourceTypeDescriptor::type)
            .collect(Collectors.toUnmodifiableSet());

    private ResourceTypeCatalog() {}

    /** Every descriptor, collected and state-only, grouped by service family. */
    public static List<ResourceTypeDescriptor> all() {
        return List.copyOf(BY_TYPE.values());
    }

    /** The types a collector reads. */
    public static Set<String> collectedTypes() {
        return COLLECTED;
    }

    /** The descriptor of a type, or empty for a type driftwatch neither collects nor maps (most state types). */
    /** The types whose descriptors name the remediation action {@code action}. */
    public static Set<String> typesRemediatedBy(String action) {
        return BY_TYPE.values().stream()
                .filter(d -> d.remediations().contains(action))
                .map(ResourceTypeDescriptor::type)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<ResourceTypeDescriptor> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The descriptor of a type driftwatch knows; for a type it does not, an error (a bug, not an input). */
    public static ResourceTypeDescriptor of(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("no descriptor for " + type));
    }

    /** The type a state type's resources are collected under ({@code aws_default_vpc} → {@code aws_vpc}). */
    public static String liveType(String stateType) {
        ResourceTypeDescriptor d = BY_TYPE.get(stateType);
        return d == null ? stateType : d.liveType();
    }
}
