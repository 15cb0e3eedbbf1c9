package dev.driftwatch.inventory;

import java.util.Set;

/**
 * Every Terraform type a collector produces, for tools that run without the service (the policy check).
 * {@code ResourceTypesIT} keeps it equal to the collectors the service actually has.
 */
public final class ResourceTypes {

    public static final Set<String> COLLECTED = Set.of(
            "aws_instance", "aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
            "aws_security_group_rule", "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_route_table", "aws_nat_gateway",
            "aws_eip", "aws_network_interface", "aws_ebs_volume", "aws_ebs_snapshot", "aws_key_pair", "aws_launch_template",
            "aws_s3_bucket", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
            "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_policy", "aws_iam_role", "aws_iam_user",
            "aws_iam_policy", "aws_iam_role_policy_attachment", "aws_iam_instance_profile", "aws_db_instance", "aws_kms_key",
            "aws_lambda_function", "aws_sqs_queue", "aws_sns_topic", "aws_dynamodb_table", "aws_cloudwatch_log_group",
            "aws_cloudtrail",
            // account-level settings
            "aws_ebs_encryption_by_default", "aws_iam_account_password_policy", "aws_account_root", "aws_iam_access_key",
            "aws_ebs_snapshot_public_access", "aws_s3_account_public_access_block");

    private ResourceTypes() {
    }
}
