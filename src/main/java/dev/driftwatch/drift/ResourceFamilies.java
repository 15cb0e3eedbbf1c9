package dev.driftwatch.drift;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Terraform types relate to each other, so that one thing in the cloud is reported once:
 * {@code aws_default_*} types manage resources collected under their plain type; the parts of a
 * resource (a bucket's versioning, a role's attachments) are reported unmanaged only when their parent
 * is managed; security-group rules never are, since the group's own ingress/egress already shows a rule
 * added by hand, and the three rule types are three views of the same rules.
 */
final class ResourceFamilies {

    private static final Map<String, String> LIVE_TYPE_OF = Map.of(
            "aws_default_security_group", "aws_security_group",
            "aws_default_vpc", "aws_vpc",
            "aws_default_subnet", "aws_subnet",
            "aws_default_route_table", "aws_route_table");

    private static final Set<String> NEVER_UNMANAGED = Set.of(
            "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule");

    /** Types collected for policies that no Terraform configuration creates. */
    private static final Set<String> PSEUDO_TYPES = Set.of("aws_account_root", "aws_ebs_snapshot_public_access");

    /** Types whose collectors mark AWS's default, standing in for a setting nobody made, as AWS-managed. */
    private static final Set<String> SETTINGS = Set.of("aws_iam_account_password_policy", "aws_s3_account_public_access_block",
            "aws_ebs_encryption_by_default", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_policy");

    /** Child type → (parent type, attribute holding the parent's id). */
    private static final Map<String, Parent> PARENTS = Map.of(
            "aws_s3_bucket_versioning", new Parent("aws_s3_bucket", "bucket"),
            "aws_s3_bucket_public_access_block", new Parent("aws_s3_bucket", "bucket"),
            "aws_s3_bucket_server_side_encryption_configuration", new Parent("aws_s3_bucket", "bucket"),
            "aws_s3_bucket_policy", new Parent("aws_s3_bucket", "bucket"),
            "aws_iam_role_policy_attachment", new Parent("aws_iam_role", "role"));

    private record Parent(String type, String idAttribute) {
    }

    private ResourceFamilies() {
    }

    /** @param ownedByAws what the collector or the type's normaliser says */
    static Ownership ownership(CloudResource live, boolean ownedByAws) {
        if (PSEUDO_TYPES.contains(live.type()) || ownedByAws && SETTINGS.contains(live.type())) {
            return Ownership.PLACEHOLDER;
        }
        return ownedByAws ? Ownership.AWS_MANAGED : Ownership.CUSTOMER;
    }

    /** Security-group rule types are views of their group's rules: coverage is counted on the group. */
    static boolean countedInCoverage(String type) {
        return !NEVER_UNMANAGED.contains(type);
    }

    static String liveType(String stateType) {
        return LIVE_TYPE_OF.getOrDefault(stateType, stateType);
    }

    /**
     * Whether a live resource that no state matched should be reported as UNMANAGED.
     *
     * @param managed the live resources some state matched
     */
    static boolean reportUnmanaged(CloudResource live, Set<ResourceKey> managed) {
        if (NEVER_UNMANAGED.contains(live.type())) {
            return false;
        }
        return Optional.ofNullable(PARENTS.get(live.type()))
                .map(p -> managed.contains(new ResourceKey(p.type(), String.valueOf(live.attributes().get(p.idAttribute())))))
                .orElse(true);
    }
}
