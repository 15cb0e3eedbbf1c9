package dev.driftwatch.inventory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 * An {@link AwsSession} on the shared, cached clients of {@link AwsClients}. One per read of a target, so it
 * also keeps that read's unknown resources.
 */
record ClientSession(AwsClients clients, AwsCredentialsProvider credentials, String account, String region, List<ReadGap> unknown)
        implements AwsSession {

    ClientSession(AwsClients clients, AwsCredentialsProvider credentials, String account, String region) {
        this(clients, credentials, account, region, new CopyOnWriteArrayList<>());
    }

    @Override
    public void unknown(ReadGap gap, RuntimeException failure) {
        unknown.add(gap);
    }

    @Override
    public List<ReadGap> unknownResources() {
        return List.copyOf(unknown);
    }

    /** The region the SDK calls: global services are called in their API region. */
    private String apiRegion() {
        return Regions.GLOBAL.equals(region) ? Regions.GLOBAL_API_REGION : region;
    }

    @Override
    public Ec2Client ec2() {
        return clients.client(account, credentials, apiRegion(), "ec2", Ec2Client::builder);
    }

    @Override
    public S3Client s3() {
        // Buckets live in many regions: let the client follow them. Emulators need path-style addressing.
        return clients.client(account, credentials, apiRegion(), "s3",
                () -> S3Client.builder().crossRegionAccessEnabled(true).forcePathStyle(clients.usesEndpointOverride()));
    }

    @Override
    public IamClient iam() {
        return clients.client(account, credentials, apiRegion(), "iam", IamClient::builder);
    }

    @Override
    public RdsClient rds() {
        return clients.client(account, credentials, apiRegion(), "rds", RdsClient::builder);
    }

    @Override
    public KmsClient kms() {
        return clients.client(account, credentials, apiRegion(), "kms", KmsClient::builder);
    }

    @Override
    public LambdaClient lambda() {
        return clients.client(account, credentials, apiRegion(), "lambda", LambdaClient::builder);
    }

    @Override
    public SqsClient sqs() {
        return clients.client(account, credentials, apiRegion(), "sqs", SqsClient::builder);
    }

    @Override
    public SnsClient sns() {
        return clients.client(account, credentials, apiRegion(), "sns", SnsClient::builder);
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return clients.client(account, credentials, apiRegion(), "dynamodb", DynamoDbClient::builder);
    }

    @Override
    public CloudWatchLogsClient logs() {
        return clients.client(account, credentials, apiRegion(), "logs", CloudWatchLogsClient::builder);
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return clients.client(account, credentials, apiRegion(), "cloudtrail", CloudTrailClient::builder);
    }

    @Override
    public S3Control s3Control() {
        return clients.s3Control(credentials, apiRegion());
    }
}
