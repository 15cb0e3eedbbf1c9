package dev.driftwatch.inventory;

import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of one account in one region, with that account's credentials, rate limits and
 * retries already applied. Collectors get one and never build clients themselves. For global
 * services the region is the one the service's API is called in.
 */
public interface AwsSession {

    String account();

    String region();

    Ec2Client ec2();

    S3Client s3();

    IamClient iam();

    RdsClient rds();

    KmsClient kms();

    LambdaClient lambda();

    SqsClient sqs();

    SnsClient sns();

    DynamoDbClient dynamoDb();

    CloudWatchLogsClient logs();

    CloudTrailClient cloudTrail();

    /** S3 Control, for the account's public access block (no SDK client: see {@link S3Control}). */
    S3Control s3Control();

    /**
     * Records a resource that was listed but whose own read was refused (see {@link ResourceReads}): it is
     * unknown in this scan, and the rest of its type is read. A session that keeps no such record fails the
     * whole read instead, which is safe.
     */
    default void unknown(ReadGap gap, RuntimeException failure) {
        throw failure;
    }

    /** The resources recorded {@link #unknown} so far. */
    default List<ReadGap> unknownResources() {
        return List.of();
    }
}
