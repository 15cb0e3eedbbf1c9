package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.inventory.dynamodb.DynamoDbTableCollector;
import dev.driftwatch.inventory.kms.KmsKeyCollector;
import dev.driftwatch.inventory.lambda.LambdaFunctionCollector;
import dev.driftwatch.inventory.logs.LogGroupCollector;
import dev.driftwatch.inventory.rds.DbInstanceCollector;
import dev.driftwatch.inventory.sns.SnsTopicCollector;
import dev.driftwatch.inventory.sqs.SqsQueueCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.LambdaCode;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** The regional service deleters against moto, each given what its collector read. */
class ServiceDeletersIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    private final MotoSession session = MotoSession.in("us-east-1");

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void anRdsInstanceWithDeletionProtectionIsRefusedUnlessOverriddenAndStays() {
        database("guarded-db", true);

        CloudResource read = DriftCheck.find(new DbInstanceCollector().collect(session), resourceId("guarded-db"));
        assertThatThrownBy(() -> new DbInstanceDeleter(false, false, CLOCK).delete(session, read))
                .isInstanceOf(DeletionProtectedException.class)
                .hasMessageContaining("guarded-db")
                .hasMessageContaining("driftwatch.sweeper.override-rds-deletion-protection=false")
                .satisfies(e -> assertThat(DeleteErrors.dependency(e) || DeleteErrors.gone(e))
                        .isFalse());

        assertThat(instances()).extracting(DBInstance::dbInstanceIdentifier).containsExactly("guarded-db");
        assertThat(instances().get(0).deletionProtection()).isTrue();
    }

    @Test
    void anRdsInstanceIsDeletedWithProtectionOverriddenAndAFinalSnapshot() {
        database("old-db", true);
        database("kept-db", false);

        CloudResource read = DriftCheck.find(new DbInstanceCollector().collect(session), resourceId("old-db"));
        DbInstanceDeleter deleter = new DbInstanceDeleter(true, true, CLOCK);
        assertThat(deleter.delete(session, read)).isEqualTo(Deletion.STARTED);

        // moto deletes at once; AWS lists it as "deleting" first
        assertThat(deleter.finished(session, read)).isTrue();
        assertThat(instances()).extracting(DBInstance::dbInstanceIdentifier).containsExactly("kept-db");
        assertThat(session.rds()
                        .describeDBSnapshots(r -> r.dbInstanceIdentifier("old-db"))
                        .dbSnapshots())
                .extracting(s -> s.dbSnapshotIdentifier())
                .containsExactly("old-db-final-" + CLOCK.instant().getEpochSecond());
    }

    @Test
    void anRdsInstanceIsDeletedWithoutASnapshotByDefaultAndAGoneAnswerIsRecognised() {
        database("old-db", false);

        CloudResource read = DriftCheck.find(new DbInstanceCollector().collect(session), resourceId("old-db"));
        DbInstanceDeleter deleter = new DbInstanceDeleter(false, false, CLOCK);
        assertThat(deleter.delete(session, read)).isEqualTo(Deletion.STARTED);

        assertThat(deleter.finished(session, read)).isTrue();
        assertThat(instances()).isEmpty();
        assertThat(session.rds().describeDBSnapshots(r -> {}).dbSnapshots()).isEmpty();
        assertThatThrownBy(() -> deleter.delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void aKmsKeyIsScheduledForDeletionWithTheShortestWindow() {
        String key =
                session.kms().createKey(r -> r.description("old")).keyMetadata().keyId();
        String kept = session.kms()
                .createKey(r -> r.description("kept"))
                .keyMetadata()
                .keyId();

        CloudResource read = DriftCheck.find(new KmsKeyCollector().collect(session), key);
        Instant before = Instant.now();
        assertThat(new KmsKeyDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        KeyMetadata scheduled = session.kms().describeKey(r -> r.keyId(key)).keyMetadata();
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.deletionDate())
                .isBetween(
                        before.plus(Duration.ofDays(7)).minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(7)));
        assertThat(session.kms().describeKey(r -> r.keyId(kept)).keyMetadata().keyState())
                .isEqualTo(KeyState.ENABLED);
        // the collector no longer lists it: the sweeper will not ask again
        assertThat(new KmsKeyCollector().collect(session))
                .extracting(CloudResource::id)
                .containsExactly(kept);
    }

    @Test
    void aLambdaFunctionIsDeletedAndTheOthersStay() throws IOException {
        String role = session.iam()
                .createRole(
                        r -> r.roleName("fn-role")
                                .assumeRolePolicyDocument(
                                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role()
                .arn();
        SdkBytes code = LambdaCode.zip();
        for (String name : List.of("old-fn", "kept-fn")) {
            session.lambda().createFunction(r -> r.functionName(name)
                    .role(role)
                    .handler("lambda.handler")
                    .runtime(Runtime.PYTHON3_12)
                    .code(c -> c.zipFile(code)));
        }

        CloudResource read = DriftCheck.find(new LambdaFunctionCollector().collect(session), "old-fn");
        assertThat(new LambdaFunctionDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(session.lambda().listFunctions().functions())
                .extracting(f -> f.functionName())
                .containsExactly("kept-fn");
        assertThatThrownBy(() -> new LambdaFunctionDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void anSqsQueueIsDeletedByItsUrl() {
        String queue = session.sqs().createQueue(r -> r.queueName("old-q")).queueUrl();
        String kept = session.sqs().createQueue(r -> r.queueName("kept-q")).queueUrl();

        CloudResource read = DriftCheck.find(new SqsQueueCollector().collect(session), queue);
        assertThat(new SqsQueueDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(session.sqs().listQueues().queueUrls()).containsExactly(kept);
        assertThatThrownBy(() -> new SqsQueueDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void anSnsTopicIsDeletedByItsArn() {
        String topic = session.sns().createTopic(r -> r.name("old-t")).topicArn();
        String kept = session.sns().createTopic(r -> r.name("kept-t")).topicArn();

        CloudResource read = DriftCheck.find(new SnsTopicCollector().collect(session), topic);
        assertThat(new SnsTopicDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(session.sns().listTopics().topics())
                .extracting(t -> t.topicArn())
                .containsExactly(kept);
    }

    @Test
    void aDynamoDbTableIsDeletedUnlessItsDeletionProtectionIsOn() {
        table("old-table", false);
        table("guarded-table", true);

        List<CloudResource> tables = new DynamoDbTableCollector().collect(session);
        DynamoDbTableDeleter deleter = new DynamoDbTableDeleter();
        assertThat(deleter.delete(session, DriftCheck.find(tables, "old-table")))
                .isEqualTo(Deletion.DONE);
        CloudResource guarded = DriftCheck.find(tables, "guarded-table");
        assertThatThrownBy(() -> deleter.delete(session, guarded))
                .isInstanceOf(DeletionProtectedException.class)
                .hasMessageContaining("guarded-table")
                .satisfies(e -> assertThat(DeleteErrors.dependency(e) || DeleteErrors.gone(e))
                        .isFalse());

        assertThat(session.dynamoDb().listTables().tableNames()).containsExactly("guarded-table");
        assertThatThrownBy(() -> deleter.delete(session, DriftCheck.find(tables, "old-table")))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void aLogGroupIsDeletedAndTheOthersStay() {
        session.logs().createLogGroup(r -> r.logGroupName("/sandbox/old"));
        session.logs().createLogGroup(r -> r.logGroupName("/sandbox/kept"));

        CloudResource read = DriftCheck.find(new LogGroupCollector().collect(session), "/sandbox/old");
        assertThat(new LogGroupDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(session.logs().describeLogGroups().logGroups())
                .extracting(g -> g.logGroupName())
                .containsExactly("/sandbox/kept");
        assertThatThrownBy(() -> new LogGroupDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    private void database(String identifier, boolean deletionProtection) {
        session.rds().createDBInstance(r -> r.dbInstanceIdentifier(identifier)
                .engine("postgres")
                .dbInstanceClass("db.t3.micro")
                .allocatedStorage(20)
                .masterUsername("admin1")
                .masterUserPassword("secretsecret")
                .deletionProtection(deletionProtection));
    }

    /** The collector's id: the instance's resource id, not its identifier. */
    private String resourceId(String identifier) {
        return session.rds()
                .describeDBInstances(r -> r.dbInstanceIdentifier(identifier))
                .dbInstances()
                .get(0)
                .dbiResourceId();
    }

    private List<DBInstance> instances() {
        RdsClient rds = session.rds();
        return rds.describeDBInstances(r -> {}).dbInstances();
    }

    private void table(String name, boolean deletionProtection) {
        DynamoDbClient dynamo = session.dynamoDb();
        dynamo.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .deletionProtectionEnabled(deletionProtection));
    }
}
