package dev.driftwatch.baseline;

import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import dev.driftwatch.resource.StateIdRule;
import java.util.Map;

/** Where a state's view of a resource needs reading before it can meet the live one: its type's descriptor says. */
final class StateIds {

    private StateIds() {}

    /**
     * Whether the type's resources live in an account's global scan, whatever their ARN says (S3 ARNs name no
     * region). A type driftwatch does not describe is never compared; IAM and S3 ones stay in the global scan, as
     * their ARNs name no region either.
     */
    static boolean global(String type) {
        return ResourceTypeCatalog.find(type)
                .map(d -> d.scope().readInGlobalScan())
                .orElseGet(() -> type.startsWith("aws_iam_") || type.startsWith("aws_s3_bucket"));
    }

    /**
     * The id to match the live resource by: Terraform's, unless the descriptor maps it (a role policy attachment's
     * {@code <role>-<policy_arn>}, EBS encryption by default's one id per account and region).
     */
    static Object idOf(String type, Map<String, Object> attributes) {
        return ResourceTypeCatalog.find(type)
                .map(ResourceTypeDescriptor::stateId)
                .orElse(StateIdRule.TERRAFORM_ID)
                .idOf(attributes);
    }
}
