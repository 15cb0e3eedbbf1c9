package dev.driftwatch.resource;

import static dev.driftwatch.resource.ApiCall.each;
import static dev.driftwatch.resource.ApiCall.eachCounted;
import static dev.driftwatch.resource.ApiCall.list;
import static dev.driftwatch.resource.ApiCall.once;
import static dev.driftwatch.resource.ResourceTypeDescriptor.builder;
import static dev.driftwatch.resource.Scope.ACCOUNT_LEVEL;
import static dev.driftwatch.resource.Scope.GLOBAL;

import java.util.List;

/** S3 buckets, their configuration resources (one ListBuckets for all five) and the account's public access block. */
final class S3Types {

    private static final ApiCall BUCKET_LIST = list("s3", "ListBuckets", 10000).shared(5);

    static final List<ResourceTypeDescriptor> ALL = List.of(
            builder("aws_s3_bucket", "s3", GLOBAL)
                    .sweptAfter()
                    .created()
                    .calls(
                            BUCKET_LIST,
                            each("s3", "GetBucketTagging", "ListBuckets"),
                            // moto's ListBuckets names no BucketRegion, so the region is asked per bucket; AWS names it
                            eachCounted("s3", "GetBucketLocation", "buckets_without_region")
                                    .noneOnAws())
                    .doc(
                            "bucket",
                            "bucket, region, arn, tags",
                            "GetBucketTagging (+ GetBucketLocation where ListBuckets gives no region)")
                    .build(),
            bucketPart(
                    "aws_s3_bucket_versioning",
                    "GetBucketVersioning",
                    "versioning_configuration",
                    List.of("enable-bucket-versioning", "revert-bucket-versioning")),
            bucketPart(
                    "aws_s3_bucket_public_access_block",
                    "GetPublicAccessBlock",
                    "the four block/ignore/restrict" + " flags",
                    List.of("block-public-access", "revert-bucket-public-access-block")),
            bucketPart(
                    "aws_s3_bucket_server_side_encryption_configuration",
                    "GetBucketEncryption",
                    "rule (algorithm, KMS key, bucket key)",
                    List.of("enable-bucket-encryption", "revert-bucket-encryption")),
            bucketPart("aws_s3_bucket_policy", "GetBucketPolicy", "policy (canonical JSON)", List.of("require-tls")),
            builder("aws_s3_account_public_access_block", "s3", ACCOUNT_LEVEL)
                    .remediatedBy("block-account-public-access")
                    .awsManaged(AwsManaged.DEFAULT_SETTING)
                    .calls(once("s3control", "GetPublicAccessBlock"))
                    .doc(
                            "account id",
                            "account_id and the four block/ignore/restrict flags",
                            "one S3 Control" + " GetPublicAccessBlock per account (the SDK's S3 Control client)")
                    .build());

    private S3Types() {}

    /** A bucket's configuration resource: one Get call per bucket, imported and reported by its bucket. */
    private static ResourceTypeDescriptor bucketPart(
            String type, String operation, String attributes, List<String> remediations) {
        return builder(type, "s3", GLOBAL)
                .partOf("aws_s3_bucket", "bucket")
                .awsManaged(AwsManaged.DEFAULT_SETTING)
                .importId(ImportRule.attribute("bucket"))
                .calls(BUCKET_LIST, each("s3", operation, "ListBuckets"))
                .remediatedBy(remediations.toArray(String[]::new))
                .doc("bucket", attributes, operation)
                .build();
    }
}
