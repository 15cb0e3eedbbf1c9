package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Each action besides the security group's, end to end: a non-compliant resource in moto, its violation, the fix
 * by the remediators (auto, or approved by another approver as the policy says), the resource read back from moto
 * with the SDK, and the next scan resolving the finding.
 */
@QuarkusTest
@TestProfile(RemediationProfile.class)
@WithTestResource(KafkaBroker.class)
class ResourceRemediationIT {

    private static final String REGION = "us-east-1";
    private static final String AMI = "ami-03cf127a"; // one of moto's stock images

    private final MotoSession aws = MotoSession.in(REGION);

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void kmsKeyRotationIsTurnedOn() {
        String key = aws.kms()
                .createKey(r -> r.description("app").keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata()
                .keyId();

        fixedBy("kms-key-rotation", key, "kms:EnableKeyRotation");

        assertThat(aws.kms().getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled())
                .isTrue();
    }

    @Test
    void rdsDeletionProtectionIsTurnedOn() {
        String db = database("unprotected", r -> r.deletionProtection(false));

        fixedBy("rds-deletion-protection", db, "rds:ModifyDBInstance");

        assertThat(database(db).deletionProtection()).isTrue();
        assertThat(database(db).publiclyAccessible()).as("nothing else changed").isFalse();
    }

    @Test
    void aPublicDatabaseIsMadePrivateOnceApproved() {
        String db = database("public", r -> r.publiclyAccessible(true));

        fixedBy("rds-not-public", db, "rds:ModifyDBInstance");

        assertThat(database(db).publiclyAccessible()).isFalse();
        assertThat(database(db).deletionProtection()).as("nothing else changed").isTrue();
    }

    @Test
    void rdsBackupRetentionIsRaisedToThePolicysMinimum() {
        String db = database("short-backups", r -> r.backupRetentionPeriod(1));

        fixedBy("rds-backup-retention", db, "rds:ModifyDBInstance", withAction("approve", "set-backup-retention"));

        assertThat(database(db).backupRetentionPeriod()).isEqualTo(7);
    }

    @Test
    void aBucketsPublicAccessIsBlockedOnceApproved() {
        String bucket = bucket("open");
        aws.s3().putPublicAccessBlock(r -> r.bucket(bucket)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));

        fixedBy("s3-bucket-public-access-block", bucket, "s3:PutBucketPublicAccessBlock", text -> text);

        var blocked = aws.s3().getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        assertThat(List.of(
                        blocked.blockPublicAcls(),
                        blocked.ignorePublicAcls(),
                        blocked.blockPublicPolicy(),
                        blocked.restrictPublicBuckets()))
                .containsOnly(true);
    }

    @Test
    void bucketVersioningIsTurnedOn() {
        String bucket = bucket("unversioned");

        fixedBy(
                "s3-bucket-versioning",
                bucket,
                "s3:PutBucketVersioning",
                withAction("auto", "enable-bucket-versioning"));

        assertThat(aws.s3().getBucketVersioning(r -> r.bucket(bucket)).statusAsString())
                .isEqualTo("Enabled");
    }

    @Test
    void imdsV2IsRequiredOnceApprovedAndTheOtherMetadataOptionsStay() {
        Instance instance = aws.ec2()
                .runInstances(r -> r.imageId(AMI)
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .metadataOptions(m -> m.httpTokens(HttpTokensState.OPTIONAL)
                                .httpEndpoint("enabled")
                                .httpPutResponseHopLimit(3)))
                .instances()
                .get(0);

        fixedBy("instance-imdsv2-required", instance.instanceId(), "ec2:ModifyInstanceMetadataOptions");

        var options = aws.ec2()
                .describeInstances(r -> r.instanceIds(instance.instanceId()))
                .reservations()
                .get(0)
                .instances()
                .get(0)
                .metadataOptions();
        assertThat(options.httpTokensAsString()).isEqualTo("required");
        assertThat(options.httpPutResponseHopLimit()).isEqualTo(3);
        assertThat(options.httpEndpointAsString()).isEqualTo("enabled");
    }

    /**
     * Scans with the shipped policy, approves the fix if the policy asks for approval, waits until it is verified,
     * and scans again: the finding is resolved.
     */
    private static void fixedBy(String policyId, String resourceId, String operation) {
        fixedBy(policyId, resourceId, operation, text -> text);
    }

    /** The same with the shipped policy edited, e.g. to name an action a ticket-mode policy leaves out. */
    private static void fixedBy(String policyId, String resourceId, String operation, UnaryOperator<String> edit) {
        String region = policyId.startsWith("s3-") ? "global" : REGION;
        try (PolicyInService policy = PolicyInService.load(policyId, region, edit)) {
            Scans.scanAndWait(region);
            long finding = RemediationsApi.findingOf(policyId, resourceId);
            JsonPath first = RemediationsApi.awaitStatus(finding, firstStatus(finding));
            if ("AWAITING_APPROVAL".equals(first.getString("remediation.status"))) {
                String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");
                given().header("Authorization", TestIdentity.bearer(bob))
                        .contentType(ContentType.JSON)
                        .body(Map.of("comment", "ok"))
                        .post("/api/remediations/" + first.getLong("remediation.id") + "/approve")
                        .then()
                        .statusCode(200);
            }
            JsonPath done = RemediationsApi.awaitStatus(finding, "VERIFIED");
            assertThat(done.getString("remediation.plannedCall.operation")).isEqualTo(operation);

            Scans.scanAndWait(region);
            assertThat(given().get("/api/findings/" + finding).jsonPath().getString("status"))
                    .isEqualTo("RESOLVED");
        }
    }

    /** A ticket-mode policy's remediation section replaced by {@code mode} and {@code action}. */
    private static UnaryOperator<String> withAction(String mode, String action) {
        return text -> text.replace("mode: ticket", "mode: " + mode + "\n  action: " + action);
    }

    private String bucket(String name) {
        String bucket = name + "-" + UUID.randomUUID();
        aws.s3().createBucket(r -> r.bucket(bucket));
        return bucket;
    }

    /** VERIFIED for auto, AWAITING_APPROVAL for approve: whatever comes first. */
    private static String firstStatus(long finding) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> !RemediationsApi.of(finding).isEmpty()
                        && Map.of("VERIFIED", 1, "AWAITING_APPROVAL", 1)
                                .containsKey(RemediationsApi.of(finding).get(0).get("status")));
        return (String) RemediationsApi.of(finding).get(0).get("status");
    }

    private String database(String name, Consumer<CreateDbInstanceRequest.Builder> change) {
        return aws.rds()
                .createDBInstance(r -> change.accept(r.dbInstanceIdentifier(name + "-" + System.nanoTime() % 100000)
                        .engine("postgres")
                        .engineVersion("16.3")
                        .dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20)
                        .masterUsername("admin1")
                        .masterUserPassword("secretsecret")
                        .storageEncrypted(true)
                        .deletionProtection(true)
                        .publiclyAccessible(false)
                        .backupRetentionPeriod(14)))
                .dbInstance()
                .dbiResourceId();
    }

    private DBInstance database(String dbiResourceId) {
        return aws.rds()
                .describeDBInstances(
                        r -> r.filters(f -> f.name("dbi-resource-id").values(dbiResourceId)))
                .dbInstances()
                .get(0);
    }
}
