package dev.driftwatch.baseline;

import dev.driftwatch.inventory.ec2.EbsEncryptionByDefaultCollector;
import java.util.Map;

/** Where a state's view of a resource needs reading before it can meet the live one. */
final class StateIds {

    private StateIds() {
    }

    /** IAM and S3 resources live in an account's global scan, whatever their ARN says (S3 ARNs name no region). */
    static boolean global(String type) {
        return type.startsWith("aws_iam_") || type.startsWith("aws_s3_bucket") || type.equals("aws_s3_account_public_access_block");
    }

    /**
     * The id to match the live resource by. Terraform stores a random id for a role policy attachment it
     * created ({@code role-2026...}) and {@code <role>-<policy_arn>} for an imported one; the pair is what
     * identifies it in AWS, so it is used for both. EBS encryption by default gets a random one too.
     */
    static Object idOf(String type, Map<String, Object> attributes) {
        if (type.equals("aws_iam_role_policy_attachment") && attributes.get("role") != null && attributes.get("policy_arn") != null) {
            return attributes.get("role") + "-" + attributes.get("policy_arn");
        }
        if (type.equals("aws_ebs_encryption_by_default")) {
            return EbsEncryptionByDefaultCollector.ID; // the state's id is random; there is one per account and region
        }
        return attributes.get("id");
    }
}
