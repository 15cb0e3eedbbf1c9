package dev.driftwatch.testsupport;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.S3Control;
import dev.driftwatch.inventory.Regions;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
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
 * An {@link AwsSession} on moto for collector tests: real SDK clients over HTTP, moto's default account.
 * The same clients serve the test to create and change resources, as an operator would.
 */
public final class MotoSession implements AwsSession {

    private static final SdkHttpClient HTTP = Apache5HttpClient.create();

    private final String region;
    private final String endpoint;

    private MotoSession(String region, String endpoint) {
        this.region = region;
        this.endpoint = endpoint;
    }

    /** A session in a region, or {@link Regions#GLOBAL} for IAM and S3. */
    public static MotoSession in(String region) {
        return new MotoSession(region, Moto.URL);
    }

    /** The same session through a front of moto ({@link MotoFront#url}) that gives answers moto cannot. */
    public MotoSession through(String frontUrl) {
        return new MotoSession(region, frontUrl);
    }

    @Override
    public String account() {
        return Moto.ACCOUNT;
    }

    @Override
    public String region() {
        return region;
    }

    private <C, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(B builder) {
        String apiRegion = Regions.GLOBAL.equals(region) ? Regions.GLOBAL_API_REGION : region;
        return builder.region(Region.of(apiRegion))
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(HTTP)
                .build();
    }

    @Override
    public Ec2Client ec2() {
        return build(Ec2Client.builder());
    }

    @Override
    public S3Client s3() {
        return build(S3Client.builder().forcePathStyle(true).crossRegionAccessEnabled(true));
    }

    @Override
    public IamClient iam() {
        return build(IamClient.builder());
    }

    @Override
    public RdsClient rds() {
        return build(RdsClient.builder());
    }

    @Override
    public KmsClient kms() {
        return build(KmsClient.builder());
    }

    @Override
    public LambdaClient lambda() {
        return build(LambdaClient.builder());
    }

    @Override
    public SqsClient sqs() {
        return build(SqsClient.builder());
    }

    @Override
    public SnsClient sns() {
        return build(SnsClient.builder());
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return build(DynamoDbClient.builder());
    }

    @Override
    public CloudWatchLogsClient logs() {
        return build(CloudWatchLogsClient.builder());
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return build(CloudTrailClient.builder());
    }

    @Override
    public StsClient sts() {
        return build(StsClient.builder());
    }

    @Override
    public S3Control s3Control() {
        return new S3Control(build(S3Control.builder(Optional.of(URI.create(endpoint)))));
    }
}
