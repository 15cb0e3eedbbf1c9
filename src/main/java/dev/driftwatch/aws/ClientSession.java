package dev.driftwatch.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
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

/** An {@link AwsSession} on the shared, cached clients of {@link AwsClients}, for one role of one account. */
record ClientSession(
        AwsClients clients, AwsCredentialsProvider credentials, Purpose purpose, AccountRole role, String region)
        implements AwsSession {

    @Override
    public String account() {
        return role.account();
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            String service, Supplier<B> builder) {
        ClientKey key = new ClientKey(purpose, role.account(), role.identity(), AwsRegions.apiRegion(region), service);
        return clients.client(key, credentials, builder);
    }

    @Override
    public Ec2Client ec2() {
        return client("ec2", Ec2Client::builder);
    }

    @Override
    public S3Client s3() {
        // Buckets live in many regions: let the client follow them. Emulators need path-style addressing.
        return client(
                "s3",
                () -> S3Client.builder().crossRegionAccessEnabled(true).forcePathStyle(clients.usesEndpointOverride()));
    }

    @Override
    public IamClient iam() {
        return client("iam", IamClient::builder);
    }

    @Override
    public RdsClient rds() {
        return client("rds", RdsClient::builder);
    }

    @Override
    public KmsClient kms() {
        return client("kms", KmsClient::builder);
    }

    @Override
    public LambdaClient lambda() {
        return client("lambda", LambdaClient::builder);
    }

    @Override
    public SqsClient sqs() {
        return client("sqs", SqsClient::builder);
    }

    @Override
    public SnsClient sns() {
        return client("sns", SnsClient::builder);
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return client("dynamodb", DynamoDbClient::builder);
    }

    @Override
    public CloudWatchLogsClient logs() {
        return client("logs", CloudWatchLogsClient::builder);
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return client("cloudtrail", CloudTrailClient::builder);
    }

    @Override
    public StsClient sts() {
        return client("sts", StsClient::builder);
    }

    @Override
    public S3Control s3Control() {
        String apiRegion = AwsRegions.apiRegion(region);
        return new S3Control(client("s3control", () -> S3Control.builder(clients.endpointFor(apiRegion, "s3control"))));
    }
}
