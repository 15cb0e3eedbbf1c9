package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.RemediationProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.StateAttributes;
import dev.driftwatch.testsupport.TerraformStates;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Drift reverts besides tags, end to end: a resource in moto, a state that says otherwise, a scan and its CHANGED
 * finding, the revert (the profile's drift rules: auto, RDS once approved), the resource read back from moto with
 * the SDK, and the next scan resolving the finding; and a value changed again before the remediator acts, not
 * written.
 */
@QuarkusTest
@TestProfile(RemediationProfile.class)
@WithTestResource(KafkaBroker.class)
class RevertsIT {

    private static final String REGION = "us-east-1";
    private static final String GLOBAL = "global";

    private final MotoSession aws = MotoSession.in(REGION);
    private final Ec2Client ec2 = aws.ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void aHandAddedRuleIsRevokedAndARemovedOneAuthorisedAgainOthersUntouched() {
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String name = "web-" + UUID.randomUUID();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(
                        p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8")),
                        p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
        Map<String, Object> database = SecurityGroups.rule("tcp", 5432, 5432, "10.1.0.0/16");
        database.put("description", "db clients");
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                group,
                                name,
                                vpc,
                                REGION,
                                Map.of(),
                                List.of(SecurityGroups.rule("tcp", 443, 443, "10.0.0.0/8"), database)))
                .writeTo("network/terraform.tfstate");

        JsonPath done = revertedInScanOf(REGION, "aws_security_group", group);

        assertThat(done.getString("remediation.action")).isEqualTo("revert-security-group-rules");
        assertThat(done.getString("remediation.plannedCall.operation"))
                .isEqualTo("ec2:RevokeSecurityGroupIngress+ec2:AuthorizeSecurityGroupIngress");
        assertThat(done.getMap("remediation.plannedCall.parameters"))
                .containsEntry("ec2:RevokeSecurityGroupIngress", List.of("tcp 22-22 0.0.0.0/0"))
                .containsEntry(
                        "ec2:AuthorizeSecurityGroupIngress", List.of("tcp 5432-5432 10.1.0.0/16 \"db clients\""));
        List<IpPermission> ingress = ec2.describeSecurityGroups(r -> r.groupIds(group))
                .securityGroups()
                .get(0)
                .ipPermissions();
        assertThat(ingress.stream()
                        .flatMap(p ->
                                p.ipRanges().stream().map(i -> p.fromPort() + " " + i.cidrIp() + " " + i.description()))
                        .toList())
                .containsExactlyInAnyOrder("443 10.0.0.0/8 null", "5432 10.1.0.0/16 db clients");
    }

    @Test
    void kmsKeyRotationIsPutBackAsTheStateHasIt() {
        String key = aws.kms()
                .createKey(r -> r.description("app key").keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata()
                .keyId();
        TerraformStates.state().resource("aws_kms_key", "app", key(key, true)).writeTo("kms/terraform.tfstate");

        JsonPath done = revertedInScanOf(REGION, "aws_kms_key", key);

        assertThat(done.getString("remediation.plannedCall.operation")).isEqualTo("kms:EnableKeyRotation");
        assertThat(aws.kms().getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled())
                .isTrue();
    }

    @Test
    void suspendedVersioningIsEnabledAgain() {
        String bucket = bucket("logs");
        aws.s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        aws.s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Suspended")));
        TerraformStates.state()
                .resource("aws_s3_bucket_versioning", "logs", versioning(bucket, "Enabled"))
                .writeTo("s3/terraform.tfstate");

        JsonPath done = revertedInScanOf(GLOBAL, "aws_s3_bucket_versioning", bucket);

        assertThat(done.getString("remediation.action")).isEqualTo("revert-bucket-versioning");
        assertThat(aws.s3().getBucketVersioning(r -> r.bucket(bucket)).statusAsString())
                .isEqualTo("Enabled");
    }

    @Test
    void versioningIsNeverTurnedBackToDisabledAndTheReasonSaysWhy() {
        String bucket = bucket("data");
        aws.s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        TerraformStates.state()
                .resource("aws_s3_bucket_versioning", "data", versioning(bucket, "Disabled"))
                .writeTo("s3/terraform.tfstate");
        Scans.scanAndWait(GLOBAL);
        long finding = changedFinding("aws_s3_bucket_versioning", bucket);

        JsonPath skipped = RemediationsApi.awaitStatus(finding, "SKIPPED");

        assertThat(skipped.getString("remediation.reason"))
                .startsWith("cannot-fix:")
                .contains("S3 cannot turn versioning off");
        assertThat(aws.s3().getBucketVersioning(r -> r.bucket(bucket)).statusAsString())
                .isEqualTo("Enabled");
    }

    @Test
    void aBucketsDefaultEncryptionIsPutBack() {
        String bucket = bucket("secure");
        aws.s3().putBucketEncryption(r -> r.bucket(bucket)
                .serverSideEncryptionConfiguration(
                        c -> c.rules(rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES256"))
                                .bucketKeyEnabled(false))));
        Map<String, Object> kms = new java.util.LinkedHashMap<>();
        kms.put(
                "apply_server_side_encryption_by_default",
                List.of(Map.of("sse_algorithm", "aws:kms", "kms_master_key_id", "")));
        kms.put("bucket_key_enabled", true);
        TerraformStates.state()
                .resource(
                        "aws_s3_bucket_server_side_encryption_configuration",
                        "secure",
                        StateAttributes.of("id", bucket, "bucket", bucket, "rule", List.of(kms)))
                .writeTo("s3/terraform.tfstate");

        JsonPath done = revertedInScanOf(GLOBAL, "aws_s3_bucket_server_side_encryption_configuration", bucket);

        assertThat(done.getString("remediation.action")).isEqualTo("revert-bucket-encryption");
        var rule = aws.s3()
                .getBucketEncryption(r -> r.bucket(bucket))
                .serverSideEncryptionConfiguration()
                .rules()
                .get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString())
                .isEqualTo("aws:kms");
        assertThat(rule.bucketKeyEnabled()).isTrue();
    }

    @Test
    void anInstancesMetadataOptionsArePutBack() {
        String instance = ec2.runInstances(r -> r.imageId("ami-03cf127a")
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .metadataOptions(m ->
                                m.httpTokens("optional").httpEndpoint("enabled").httpPutResponseHopLimit(1)))
                .instances()
                .get(0)
                .instanceId();
        var cloud = metadataOptions(instance);
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("http_endpoint", "enabled");
        options.put("http_protocol_ipv6", cloud.httpProtocolIpv6AsString());
        options.put("http_put_response_hop_limit", 2);
        options.put("http_tokens", "required");
        options.put("instance_metadata_tags", cloud.instanceMetadataTagsAsString());
        TerraformStates.state()
                .resource(
                        "aws_instance",
                        "app",
                        StateAttributes.of(
                                "id",
                                instance,
                                "arn",
                                "arn:aws:ec2:us-east-1:123456789012:instance/" + instance,
                                "metadata_options",
                                List.of(options)))
                .writeTo("ec2/terraform.tfstate");

        JsonPath done = revertedInScanOf(REGION, "aws_instance", instance);

        assertThat(done.getString("remediation.action")).isEqualTo("revert-metadata-options");
        assertThat(metadataOptions(instance).httpTokensAsString()).isEqualTo("required");
        assertThat(metadataOptions(instance).httpPutResponseHopLimit()).isEqualTo(2);
        assertThat(metadataOptions(instance).httpEndpointAsString()).isEqualTo("enabled");
    }

    @Test
    void aBucketsPublicAccessBlockIsPutBackFlagByFlag() {
        String bucket = bucket("site");
        aws.s3().putPublicAccessBlock(r -> r.bucket(bucket)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)));
        TerraformStates.state()
                .resource(
                        "aws_s3_bucket_public_access_block",
                        "site",
                        StateAttributes.of(
                                "id", bucket,
                                "bucket", bucket,
                                "block_public_acls", true,
                                "block_public_policy", true,
                                "ignore_public_acls", true,
                                "restrict_public_buckets", false))
                .writeTo("s3/terraform.tfstate");

        JsonPath done = revertedInScanOf(GLOBAL, "aws_s3_bucket_public_access_block", bucket);

        assertThat(done.getString("remediation.action")).isEqualTo("revert-bucket-public-access-block");
        var block = aws.s3().getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        assertThat(List.of(
                        block.blockPublicAcls(),
                        block.ignorePublicAcls(),
                        block.blockPublicPolicy(),
                        block.restrictPublicBuckets()))
                .containsExactly(true, true, true, false);
    }

    @Test
    void rdsSettingsArePutBackInOneCallOnceApproved() {
        DBInstance db = database(false, 1);
        TerraformStates.state()
                .resource("aws_db_instance", "db", database(db, true, 7))
                .writeTo("rds/terraform.tfstate");

        Scans.scanAndWait(REGION);
        long finding = changedFinding("aws_db_instance", db.dbiResourceId());
        approve(finding);
        JsonPath done = RemediationsApi.awaitStatus(finding, "VERIFIED");

        assertThat(done.getString("remediation.action")).isEqualTo("revert-rds-settings");
        assertThat(done.getMap("remediation.plannedCall.parameters"))
                .containsOnlyKeys(
                        "DBInstanceIdentifier", "DeletionProtection", "BackupRetentionPeriod", "ApplyImmediately");
        DBInstance now = database(db.dbiResourceId());
        assertThat(now.deletionProtection()).isTrue();
        assertThat(now.backupRetentionPeriod()).isEqualTo(7);
        assertThat(now.publiclyAccessible()).as("not named by the finding").isFalse();
        resolvedByTheNextScan(REGION, finding);
    }

    @Test
    void aValueChangedAgainAfterTheFindingIsNotWritten() {
        DBInstance db = database(true, 1);
        TerraformStates.state()
                .resource("aws_db_instance", "db", database(db, true, 7))
                .writeTo("rds/terraform.tfstate");
        Scans.scanAndWait(REGION);
        long finding = changedFinding("aws_db_instance", db.dbiResourceId());
        RemediationsApi.awaitStatus(finding, "AWAITING_APPROVAL");

        aws.rds().modifyDBInstance(r -> r.dbInstanceIdentifier(db.dbInstanceIdentifier())
                .backupRetentionPeriod(3)
                .applyImmediately(true));
        double writes = RemediationsApi.awsCalls("Rds", "ModifyDBInstance");
        approve(finding);
        JsonPath skipped = RemediationsApi.awaitStatus(finding, "SKIPPED");

        assertThat(skipped.getString("remediation.reason")).startsWith("stale:");
        assertThat(database(db.dbiResourceId()).backupRetentionPeriod()).isEqualTo(3);
        assertThat(RemediationsApi.awsCalls("Rds", "ModifyDBInstance")).isEqualTo(writes);
    }

    /** Scans, waits for the finding's revert to be verified, and scans again: the finding is resolved. */
    private static JsonPath revertedInScanOf(String region, String type, String resourceId) {
        Scans.scanAndWait(region);
        long finding = changedFinding(type, resourceId);
        JsonPath done = RemediationsApi.awaitStatus(finding, "VERIFIED");
        resolvedByTheNextScan(region, finding);
        return done;
    }

    private static void resolvedByTheNextScan(String region, long finding) {
        Scans.scanAndWait(region);
        assertThat(given().get("/api/findings/" + finding).jsonPath().getString("status"))
                .isEqualTo("RESOLVED");
    }

    private static void approve(long finding) {
        JsonPath waiting = RemediationsApi.awaitStatus(finding, "AWAITING_APPROVAL");
        String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");
        given().header("Authorization", TestIdentity.bearer(bob))
                .contentType(ContentType.JSON)
                .body(Map.of("comment", "put it back"))
                .post("/api/remediations/" + waiting.getLong("remediation.id") + "/approve")
                .then()
                .statusCode(200);
    }

    private static long changedFinding(String type, String resourceId) {
        return given()
                .queryParam("kind", "CHANGED")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("", Map.class)
                .stream()
                .filter(f -> type.equals(f.get("type")) && resourceId.equals(f.get("resourceId")))
                .map(f -> ((Number) f.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CHANGED finding about " + type + " " + resourceId));
    }

    private software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse metadataOptions(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id))
                .reservations()
                .get(0)
                .instances()
                .get(0)
                .metadataOptions();
    }

    private static Map<String, Object> versioning(String bucket, String status) {
        return StateAttributes.of(
                "id",
                bucket,
                "bucket",
                bucket,
                "versioning_configuration",
                List.of(Map.of("status", status, "mfa_delete", "")));
    }

    private String bucket(String name) {
        String bucket = name + "-" + UUID.randomUUID();
        aws.s3().createBucket(r -> r.bucket(bucket));
        return bucket;
    }

    private DBInstance database(boolean deletionProtection, int backupDays) {
        return aws.rds()
                .createDBInstance(r -> r.dbInstanceIdentifier("app-" + System.nanoTime() % 100000)
                        .engine("postgres")
                        .engineVersion("16.3")
                        .dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20)
                        .masterUsername("admin1")
                        .masterUserPassword("secretsecret")
                        .storageEncrypted(true)
                        .deletionProtection(deletionProtection)
                        .publiclyAccessible(false)
                        .backupRetentionPeriod(backupDays))
                .dbInstance();
    }

    private DBInstance database(String dbiResourceId) {
        return aws.rds()
                .describeDBInstances(
                        r -> r.filters(f -> f.name("dbi-resource-id").values(dbiResourceId)))
                .dbInstances()
                .get(0);
    }

    /** The state's aws_db_instance for {@code db}, with the two settings as given. */
    private static Map<String, Object> database(DBInstance db, boolean deletionProtection, int backupDays) {
        return StateAttributes.of(
                "id",
                db.dbiResourceId(),
                "resource_id",
                db.dbiResourceId(),
                "identifier",
                db.dbInstanceIdentifier(),
                "arn",
                db.dbInstanceArn(),
                "engine",
                "postgres",
                "engine_version",
                "16.3",
                "instance_class",
                "db.t3.micro",
                "allocated_storage",
                20,
                "storage_encrypted",
                true,
                "deletion_protection",
                deletionProtection,
                "publicly_accessible",
                false,
                "backup_retention_period",
                backupDays,
                "tags",
                Map.of(),
                "tags_all",
                Map.of());
    }

    private static Map<String, Object> key(String id, boolean rotation) {
        return StateAttributes.of(
                "arn",
                "arn:aws:kms:us-east-1:123456789012:key/" + id,
                "customer_master_key_spec",
                "SYMMETRIC_DEFAULT",
                "description",
                "app key",
                "enable_key_rotation",
                rotation,
                "id",
                id,
                "is_enabled",
                true,
                "key_id",
                id,
                "key_usage",
                "ENCRYPT_DECRYPT",
                "multi_region",
                false,
                "tags",
                Map.of(),
                "tags_all",
                Map.of());
    }
}
