package dev.driftwatch.aws;

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
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients of one account in one region for one {@link Purpose}, with that purpose's role's
 * credentials, the rate limits and retries already applied. Collectors get one and never build clients
 * themselves. For global services ({@link AwsRegions#GLOBAL}) the region is the one the service's API is
 * called in.
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

    /** STS with the session's own credentials (GetCallerIdentity: whose they are). */
    StsClient sts();

    /** S3 Control, for the account's public access block. */
    S3Control s3Control();
}
