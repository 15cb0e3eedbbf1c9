package dev.driftwatch.resource;

import static dev.driftwatch.resource.ApiCall.each;
import static dev.driftwatch.resource.ApiCall.eachCounted;
import static dev.driftwatch.resource.ApiCall.list;
import static dev.driftwatch.resource.ApiCall.once;
import static dev.driftwatch.resource.ResourceTypeDescriptor.builder;
import static dev.driftwatch.resource.Scope.REGIONAL;

import java.util.List;

/** The other regional services: RDS, KMS, Lambda, SQS, SNS, DynamoDB, CloudWatch Logs, CloudTrail. */
final class ServiceTypes {

    static final List<ResourceTypeDescriptor> ALL = List.of(
            // Terraform's id is the DbiResourceId; the import id the DB identifier
            builder("aws_db_instance", "rds", REGIONAL)
                    .sweptAfter()
                    .remediatedBy(
                            "disable-public-access",
                            "enable-deletion-protection",
                            "revert-rds-settings",
                            "set-backup-retention")
                    .created()
                    .importId(ImportRule.attribute("identifier"))
                    .calls(list("rds", "DescribeDBInstances", 100))
                    .doc(
                            "DbiResourceId",
                            "identifier, engine, engine_version_actual, instance_class,"
                                    + " allocated_storage, storage_type, storage_encrypted, deletion_protection,"
                                    + " publicly_accessible, backup_retention_period, multi_az, arn, tags (never the"
                                    + " password)",
                            "–")
                    .build(),
            builder("aws_kms_key", "kms", REGIONAL)
                    .sweptAfter(
                            "aws_ebs_volume",
                            "aws_ebs_snapshot",
                            "aws_s3_bucket",
                            "aws_db_instance",
                            "aws_lambda_function",
                            "aws_sqs_queue",
                            "aws_sns_topic",
                            "aws_dynamodb_table",
                            "aws_cloudwatch_log_group")
                    .remediatedBy("enable-key-rotation", "revert-key-rotation")
                    .created()
                    .calls(
                            list("kms", "ListKeys", 1000),
                            each("kms", "DescribeKey", "ListKeys"),
                            eachCounted("kms", "ListResourceTags", "kms_customer_keys"),
                            eachCounted("kms", "GetKeyRotationStatus", "kms_rotatable_keys"))
                    .doc(
                            "key id",
                            "description, key_usage, customer_master_key_spec, is_enabled, multi_region,"
                                    + " enable_key_rotation, arn, tags (customer-managed keys only)",
                            "DescribeKey, ListResourceTags, GetKeyRotationStatus")
                    .build(),
            builder("aws_lambda_function", "lambda", REGIONAL)
                    .sweptAfter()
                    .calls(list("lambda", "ListFunctions", 50), each("lambda", "ListTags", "ListFunctions"))
                    .doc(
                            "function name",
                            "description, package_type, runtime, handler, memory_size, timeout, role,"
                                    + " architectures, arn, tags (never environment variables)",
                            "ListTags")
                    .build(),
            builder("aws_sqs_queue", "sqs", REGIONAL)
                    .sweptAfter()
                    .created()
                    .calls(
                            list("sqs", "ListQueues", 1000),
                            each("sqs", "GetQueueAttributes", "ListQueues"),
                            each("sqs", "ListQueueTags", "ListQueues"))
                    .doc(
                            "queue URL",
                            "name, fifo_queue, visibility_timeout_seconds, message_retention_seconds,"
                                    + " delay_seconds, receive_wait_time_seconds, max_message_size, sqs_managed_sse_enabled,"
                                    + " kms_master_key_id, arn, tags",
                            "GetQueueAttributes, ListQueueTags")
                    .build(),
            builder("aws_sns_topic", "sns", REGIONAL)
                    .sweptAfter()
                    .calls(
                            list("sns", "ListTopics", 100),
                            each("sns", "GetTopicAttributes", "ListTopics"),
                            each("sns", "ListTagsForResource", "ListTopics"))
                    .doc(
                            "topic ARN",
                            "name, display_name, fifo_topic, kms_master_key_id, tags",
                            "GetTopicAttributes, ListTagsForResource")
                    .build(),
            builder("aws_dynamodb_table", "dynamodb", REGIONAL)
                    .sweptAfter()
                    .created()
                    .calls(
                            list("dynamodb", "ListTables", 100),
                            each("dynamodb", "DescribeTable", "ListTables"),
                            each("dynamodb", "DescribeContinuousBackups", "ListTables"),
                            each("dynamodb", "ListTagsOfResource", "ListTables"))
                    .doc(
                            "table name",
                            "billing_mode, hash_key, range_key, deletion_protection_enabled,"
                                    + " point_in_time_recovery, arn,"
                                    + " tags",
                            "DescribeTable, DescribeContinuousBackups, ListTagsOfResource")
                    .build(),
            builder("aws_cloudwatch_log_group", "logs", REGIONAL)
                    .sweptAfter("aws_lambda_function")
                    .created()
                    .calls(
                            list("cloudwatchlogs", "DescribeLogGroups", 50),
                            each("cloudwatchlogs", "ListTagsForResource", "DescribeLogGroups"))
                    .doc("name", "retention_in_days, kms_key_id, log_group_class, arn, tags", "ListTagsForResource")
                    .build(),
            builder("aws_cloudtrail", "cloudtrail", REGIONAL)
                    .remediatedBy("enable-log-file-validation")
                    .calls(
                            once("cloudtrail", "DescribeTrails"),
                            each("cloudtrail", "ListTags", "DescribeTrails").batchesOf(20),
                            each("cloudtrail", "GetTrailStatus", "DescribeTrails"))
                    .doc(
                            "trail ARN",
                            "name, enable_logging, is_multi_region_trail, is_organization_trail,"
                                    + " include_global_service_events, enable_log_file_validation, s3_bucket_name,"
                                    + " s3_key_prefix, kms_key_id, cloud_watch_logs_group_arn,"
                                    + " tags",
                            "GetTrailStatus (tags: one ListTags per 20 trails)")
                    .build());

    private ServiceTypes() {}
}
