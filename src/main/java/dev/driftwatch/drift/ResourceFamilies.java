package dev.driftwatch.drift;

import dev.driftwatch.resource.AwsManaged;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.Family;
import dev.driftwatch.resource.ResourceKey;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import java.util.Set;

/**
 * How Terraform types relate to each other, so that one thing in the cloud is reported once:
 * {@code aws_default_*} types manage resources collected under their plain type; the parts of a
 * resource (a bucket's versioning, a role's attachments) are reported unmanaged only when their parent
 * is managed; security-group rules never are, since the group's own ingress/egress already shows a rule
 * added by hand, and the three rule types are three views of the same rules. The facts are each type's
 * {@link ResourceTypeDescriptor}; a type without one is a customer's, with no family.
 */
final class ResourceFamilies {

    private ResourceFamilies() {}

    /** @param ownedByAws what the collector or the type's normaliser says */
    static Ownership ownership(CloudResource live, boolean ownedByAws) {
        AwsManaged rule = ResourceTypeCatalog.find(live.type())
                .map(ResourceTypeDescriptor::awsManaged)
                .orElse(AwsManaged.NEVER);
        if (rule == AwsManaged.PSEUDO_TYPE || ownedByAws && rule == AwsManaged.DEFAULT_SETTING) {
            return Ownership.PLACEHOLDER;
        }
        return ownedByAws ? Ownership.AWS_MANAGED : Ownership.CUSTOMER;
    }

    /** Security-group rule types are views of their group's rules: coverage is counted on the group. */
    static boolean countedInCoverage(String type) {
        return !family(type).view();
    }

    static String liveType(String stateType) {
        return ResourceTypeCatalog.liveType(stateType);
    }

    /**
     * Whether a live resource that no state matched should be reported as UNMANAGED.
     *
     * @param managed the live resources some state matched
     */
    static boolean reportUnmanaged(CloudResource live, Set<ResourceKey> managed) {
        Family family = family(live.type());
        if (family.view()) {
            return false;
        }
        return !family.hasParent()
                || managed.contains(new ResourceKey(
                        family.parentType(), String.valueOf(live.attributes().get(family.parentIdAttribute()))));
    }

    private static Family family(String type) {
        return ResourceTypeCatalog.find(type)
                .map(ResourceTypeDescriptor::family)
                .orElse(Family.NONE);
    }
}
