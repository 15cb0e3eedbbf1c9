package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.aws.S3Control;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoS3Control;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aDefaultSecurityGroupLosesEveryRuleOnceApprovedAndOtherGroupsKeepTheirs() {
        Ec2Client ec2 = aws.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        String group = ec2.describeSecurityGroups(
                        r -> r.filters(f -> f.name("vpc-id").values(vpc), f -> f.name("group-name")
                                .values("default")))
                .securityGroups()
                .get(0)
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(
                        p -> p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(group)),
                        p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
        String web = ec2.createSecurityGroup(
                        r -> r.groupName("web").description("web").vpcId(vpc))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web)
                .ipPermissions(
                        p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));

        fixedBy("default-sg-allows-traffic", group, "ec2:RevokeSecurityGroupIngress+ec2:RevokeSecurityGroupEgress");

        SecurityGroup emptied = securityGroup(group);
        assertThat(emptied.ipPermissions()).isEmpty();
        assertThat(emptied.ipPermissionsEgress()).isEmpty();
        SecurityGroup other = securityGroup(web);
        assertThat(other.ipPermissions()).as("another group's rules stay").hasSize(1);
        assertThat(other.ipPermissionsEgress()).hasSize(1);
    }

    @Test
    void theAccountsPublicAccessIsBlockedOnceApproved() {
        MotoS3Control.putPublicAccessBlock(true, false, false, false);

        fixedBy("s3-account-public-access-block", Moto.ACCOUNT, "s3:PutAccountPublicAccessBlock");

        assertThat(MotoSession.in(Regions.GLOBAL).s3Control().getPublicAccessBlock(Moto.ACCOUNT))
                .hasValue(new S3Control.PublicAccessBlock(true, true, true, true));
    }

    @Test
    void bucketEncryptionIsSetToTheConfiguredKmsKeyAndTheRestOfTheBucketStays() {
        String bucket = bucket("unencrypted");
        aws.s3().putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(s3Tag("team", "data"))));
        aws.s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));

        fixedBy("s3-bucket-encryption-kms", bucket, "s3:PutEncryptionConfiguration", withMode("ticket", "auto"));

        var rule = aws.s3()
                .getBucketEncryption(r -> r.bucket(bucket))
                .serverSideEncryptionConfiguration()
                .rules()
                .get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString())
                .isEqualTo("aws:kms");
        assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID())
                .isEqualTo(RemediationProfile.KMS_KEY_ALIAS);
        assertThat(aws.s3().getBucketTagging(r -> r.bucket(bucket)).tagSet())
                .extracting(software.amazon.awssdk.services.s3.model.Tag::key)
                .containsExactly("team");
        assertThat(aws.s3().getBucketVersioning(r -> r.bucket(bucket)).statusAsString())
                .isEqualTo("Enabled");
    }

    @Test
    void tlsIsRequiredOnceApprovedAndEveryOtherStatementStays() throws Exception {
        String bucket = bucket("plain-http");
        String readers = "{\"Sid\":\"Readers\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + Moto.ACCOUNT + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket
                + "/*\"}";
        aws.s3().putBucketPolicy(r -> r.bucket(bucket)
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + readers + "]}"));

        fixedBy("s3-bucket-tls-only", bucket, "s3:PutBucketPolicy");

        JsonNode policy =
                JSON.readTree(aws.s3().getBucketPolicy(r -> r.bucket(bucket)).policy());
        assertThat(policy.get("Statement")).hasSize(2);
        assertThat(policy.get("Statement").get(0)).isEqualTo(JSON.readTree(readers));
        JsonNode deny = policy.get("Statement").get(1);
        assertThat(deny.get("Sid").asText()).isEqualTo("DriftwatchDenyInsecureTransport");
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void ebsEncryptionByDefaultIsTurnedOnAndExistingVolumesStayAsTheyAre() {
        String volume = aws.ec2()
                .createVolume(r -> r.availabilityZone(REGION + "a").size(1))
                .volumeId();

        fixedBy("ebs-encryption-by-default", "ebs-encryption-by-default", "ec2:EnableEbsEncryptionByDefault");

        assertThat(aws.ec2().getEbsEncryptionByDefault(r -> {}).ebsEncryptionByDefault())
                .isTrue();
        assertThat(aws.ec2()
                        .describeVolumes(r -> r.volumeIds(volume))
                        .volumes()
                        .get(0)
                        .encrypted())
                .isFalse();
    }

    @Test
    void cloudTrailLogFileValidationIsTurnedOnAndNothingElseOfTheTrailChanges() {
        String logs = bucket("trail-logs");
        String trail = aws.cloudTrail()
                .createTrail(r -> r.name("audit")
                        .s3BucketName(logs)
                        .s3KeyPrefix("audit")
                        .isMultiRegionTrail(true)
                        .includeGlobalServiceEvents(true)
                        .enableLogFileValidation(false))
                .trailARN();

        fixedBy("cloudtrail-log-validation", trail, "cloudtrail:UpdateTrail");

        Trail after = aws.cloudTrail().getTrail(r -> r.name(trail)).trail();
        assertThat(after.logFileValidationEnabled()).isTrue();
        assertThat(after.s3BucketName()).isEqualTo(logs);
        assertThat(after.s3KeyPrefix()).isEqualTo("audit");
        assertThat(after.isMultiRegionTrail()).isTrue();
        assertThat(after.includeGlobalServiceEvents()).isTrue();
    }

    @Test
    void anOldAccessKeyIsDeactivatedOnceApprovedNeverDeleted() {
        IamClient iam = MotoSession.in(Regions.GLOBAL).iam();
        String user = "alice-" + System.nanoTime() % 100000;
        iam.createUser(r -> r.userName(user));
        String old = iam.createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();
        String spare = iam.createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();
        iam.updateAccessKey(r -> r.userName(user).accessKeyId(spare).status(StatusType.INACTIVE));

        // moto creates keys now: a limit of -1 days makes every active key too old
        fixedBy(
                "iam-access-key-age",
                old,
                "iam:UpdateAccessKey",
                text -> text.replace("max_age_days: 90", "max_age_days: -1"));

        assertThat(iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata())
                .extracting(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(old, StatusType.INACTIVE),
                        org.assertj.core.groups.Tuple.tuple(spare, StatusType.INACTIVE));
    }

    @Test
    void missingRequiredTagsGetThePolicysDefaultsAndPresentTagsStay() {
        String instance = instanceTagged(Map.of("Name", "web", "owner", "alice"));

        fixedBy(
                "required-tags-instance",
                instance,
                "ec2:CreateTags",
                withMode("report", "auto")
                                .andThen(text -> text.replace(
                                        "tag_defaults: {}", "tag_defaults: {owner: platform, team: unassigned}"))
                        ::apply);

        assertThat(instanceTags(instance)).isEqualTo(Map.of("Name", "web", "owner", "alice", "team", "unassigned"));
    }

    @Test
    void aMissingRequiredTagWithoutADefaultCannotBeFixedAndNothingIsWritten() {
        String instance = instanceTagged(Map.of("Name", "web"));
        UnaryOperator<String> edit = text -> text.replace("mode: report", "mode: auto")
                .replace("tag_defaults: {}", "tag_defaults: {owner: platform}");

        try (PolicyInService policy = PolicyInService.load("required-tags-instance", REGION, edit)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf("required-tags-instance", instance);
            JsonPath skipped = RemediationsApi.awaitStatus(finding, "SKIPPED");

            assertThat(skipped.getString("remediation.reason"))
                    .isEqualTo("cannot-fix: no default value for tag 'team' (the policy's tag_defaults)");
            assertThat(skipped.getString("remediation.plannedCall")).isNull();
        }
        assertThat(instanceTags(instance)).isEqualTo(Map.of("Name", "web"));
    }

    private SecurityGroup securityGroup(String groupId) {
        return aws.ec2()
                .describeSecurityGroups(r -> r.groupIds(groupId))
                .securityGroups()
                .get(0);
    }

    private static software.amazon.awssdk.services.s3.model.Tag s3Tag(String key, String value) {
        return software.amazon.awssdk.services.s3.model.Tag.builder()
                .key(key)
                .value(value)
                .build();
    }

    private String instanceTagged(Map<String, String> tags) {
        return aws.ec2()
                .runInstances(r -> r.imageId(AMI)
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                                .tags(tags.entrySet().stream()
                                        .map(e -> Tag.builder()
                                                .key(e.getKey())
                                                .value(e.getValue())
                                                .build())
                                        .toList())))
                .instances()
                .get(0)
                .instanceId();
    }

    private Map<String, String> instanceTags(String instanceId) {
        Map<String, String> tags = new TreeMap<>();
        aws.ec2()
                .describeInstances(r -> r.instanceIds(instanceId))
                .reservations()
                .get(0)
                .instances()
                .get(0)
                .tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
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
        String region = policyId.startsWith("s3-") || policyId.startsWith("iam-") ? Regions.GLOBAL : REGION;
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

    /** A shipped policy's mode changed, where it already names its action. */
    private static UnaryOperator<String> withMode(String from, String to) {
        return text -> text.replace("mode: " + from, "mode: " + to);
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
