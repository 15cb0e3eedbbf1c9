package dev.driftwatch.inventory;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.S3Control;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The session of one read of a target: an {@link AwsSession} that also keeps the resources left unknown in
 * that read (see {@link ResourceReads}). A session that keeps no such record fails the whole read instead,
 * which is safe.
 */
public final class TargetSession implements AwsSession {

    private final AwsSession aws;
    private final List<ReadGap> unknown = new CopyOnWriteArrayList<>();

    public TargetSession(AwsSession aws) {
        this.aws = aws;
    }

    /** Records a resource that was listed but whose own read was refused: it is unknown in this scan. */
    void unknown(ReadGap gap) {
        unknown.add(gap);
    }

    /** The resources recorded {@link #unknown} so far. */
    public List<ReadGap> unknownResources() {
        return List.copyOf(unknown);
    }

    @Override
    public String account() {
        return aws.account();
    }

    @Override
    public String region() {
        return aws.region();
    }

    @Override
    public Ec2Client ec2() {
        return aws.ec2();
    }

    @Override
    public S3Client s3() {
        return aws.s3();
    }

    @Override
    public IamClient iam() {
        return aws.iam();
    }

    @Override
    public RdsClient rds() {
        return aws.rds();
    }

    @Override
    public KmsClient kms() {
        return aws.kms();
    }

    @Override
    public LambdaClient lambda() {
        return aws.lambda();
    }

    @Override
    public SqsClient sqs() {
        return aws.sqs();
    }

    @Override
    public SnsClient sns() {
        return aws.sns();
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return aws.dynamoDb();
    }

    @Override
    public CloudWatchLogsClient logs() {
        return aws.logs();
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return aws.cloudTrail();
    }

    @Override
    public StsClient sts() {
        return aws.sts();
    }

    @Override
    public S3Control s3Control() {
        return aws.s3Control();
    }
}
