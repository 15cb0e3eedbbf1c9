package dev.driftwatch.imports;

import java.util.Map;

/**
 * The id {@code terraform import} (and an {@code import} block) needs for each collected type, as the AWS
 * provider 5.x documents it under "Import", built from what driftwatch collected. Mostly the id
 * Terraform stores, but not always: an attachment is {@code role/policy-arn}, a DB instance its
 * identifier (Terraform's id is the DbiResourceId). A type not in the table, or whose id cannot be built,
 * gets a reason instead, so no wrong block is ever written.
 */
final class ImportIds {

    /** The import id, or why there is none. */
    record ImportId(String value, String cannotBecause) {
    }

    /** How one type's import id is built. */
    @FunctionalInterface
    private interface Format {
        ImportId of(String id, Map<String, Object> attributes, String region);
    }

    private static final Format RESOURCE_ID = (id, a, region) -> new ImportId(id, null);

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            // EC2 and VPC: the resource's own id (i-, sg-, sgr-, vpc-, subnet-, igw-, rtb-, nat-, eni-, vol-, snap-, lt-)
            Map.entry("aws_instance", RESOURCE_ID),
            Map.entry("aws_security_group", RESOURCE_ID),
            Map.entry("aws_vpc_security_group_ingress_rule", RESOURCE_ID),
            Map.entry("aws_vpc_security_group_egress_rule", RESOURCE_ID),
            Map.entry("aws_security_group_rule", cannot("its import id lists the rule's sources"
                    + " (SGID_TYPE_PROTOCOL_FROM_TO_SOURCE), which driftwatch keeps hashed; import it as an"
                    + " aws_vpc_security_group_ingress_rule or _egress_rule by its sgr- id instead")),
            Map.entry("aws_vpc", RESOURCE_ID),
            Map.entry("aws_subnet", RESOURCE_ID),
            Map.entry("aws_internet_gateway", RESOURCE_ID),
            Map.entry("aws_route_table", RESOURCE_ID),
            Map.entry("aws_nat_gateway", RESOURCE_ID),
            Map.entry("aws_eip", attribute("allocation_id")),
            Map.entry("aws_network_interface", RESOURCE_ID),
            Map.entry("aws_ebs_volume", RESOURCE_ID),
            Map.entry("aws_ebs_snapshot", RESOURCE_ID),
            Map.entry("aws_key_pair", RESOURCE_ID), // the key name
            Map.entry("aws_launch_template", RESOURCE_ID),
            Map.entry("aws_ebs_encryption_by_default", (id, a, region) -> new ImportId(region, null)),
            // S3: the bucket name, for the bucket and each of its configuration resources
            Map.entry("aws_s3_bucket", RESOURCE_ID),
            Map.entry("aws_s3_bucket_versioning", attribute("bucket")),
            Map.entry("aws_s3_bucket_public_access_block", attribute("bucket")),
            Map.entry("aws_s3_bucket_server_side_encryption_configuration", attribute("bucket")),
            Map.entry("aws_s3_bucket_policy", attribute("bucket")),
            Map.entry("aws_s3_account_public_access_block", RESOURCE_ID), // the account id
            // IAM: names, except a policy (its ARN) and an attachment (role/policy-arn)
            Map.entry("aws_iam_role", RESOURCE_ID),
            Map.entry("aws_iam_user", RESOURCE_ID),
            Map.entry("aws_iam_policy", RESOURCE_ID),
            Map.entry("aws_iam_role_policy_attachment", (id, a, region) -> a.get("role") == null || a.get("policy_arn") == null
                    ? new ImportId(null, "the snapshot has no role or policy_arn")
                    : new ImportId(a.get("role") + "/" + a.get("policy_arn"), null)),
            Map.entry("aws_iam_instance_profile", RESOURCE_ID),
            Map.entry("aws_iam_access_key", RESOURCE_ID),
            Map.entry("aws_iam_account_password_policy", RESOURCE_ID), // the fixed id iam-account-password-policy
            Map.entry("aws_account_root", cannot("the account's root user is not a Terraform resource")),
            Map.entry("aws_ebs_snapshot_public_access", cannot("driftwatch's view of a snapshot's sharing, not a Terraform"
                    + " resource (share with aws_snapshot_create_volume_permission)")),
            // Others: the DB identifier (Terraform's id is the DbiResourceId), key id, names, queue URL, topic and trail ARN
            Map.entry("aws_db_instance", attribute("identifier")),
            Map.entry("aws_kms_key", RESOURCE_ID),
            Map.entry("aws_lambda_function", RESOURCE_ID),
            Map.entry("aws_sqs_queue", RESOURCE_ID),
            Map.entry("aws_sns_topic", RESOURCE_ID),
            Map.entry("aws_dynamodb_table", RESOURCE_ID),
            Map.entry("aws_cloudwatch_log_group", RESOURCE_ID),
            Map.entry("aws_cloudtrail", RESOURCE_ID));

    private ImportIds() {
    }

    static ImportId of(String type, String id, Map<String, Object> attributes, String region) {
        Format format = FORMATS.get(type);
        if (format == null) {
            return new ImportId(null, "no import id format is known for this type");
        }
        return format.of(id, attributes == null ? Map.of() : attributes, region);
    }

    static boolean knows(String type) {
        return FORMATS.containsKey(type);
    }

    private static Format attribute(String name) {
        return (id, a, region) -> a.get(name) == null || a.get(name).toString().isBlank()
                ? new ImportId(null, "the snapshot has no " + name)
                : new ImportId(a.get(name).toString(), null);
    }

    private static Format cannot(String reason) {
        return (id, a, region) -> new ImportId(null, reason);
    }
}
