package dev.driftwatch.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingLifecycle;
import dev.driftwatch.finding.Observation;
import dev.driftwatch.finding.ResolutionScope;
import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.ReadFaults;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a read that fails may blind, scanned through the service with S3 and IAM behind {@link ReadFaults}: one
 * bucket refusing a call hides that bucket only, and a service that does not answer costs the scan its deadline,
 * not the scan.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(ReadFaults.class)
class InventoryIT {

    private static final String HIDDEN = "hidden-bucket";
    private static final String DRIFTED = "drifted-bucket";
    private static final String FIXED = "fixed-bucket";
    private static final String BUCKET = "aws_s3_bucket";
    private static final String POLICY = "bucket-owner-tag";
    private static final Path POLICY_FILE = Path.of("target/it-policies", POLICY + ".yaml");

    @Inject
    FindingLifecycle findings;

    private final S3Client s3 = MotoSession.in(Regions.GLOBAL).s3();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @AfterEach
    void noFaults() throws IOException {
        ReadFaults.reset();
        Files.deleteIfExists(POLICY_FILE);
        await().atMost(Duration.ofSeconds(10)).until(() -> !policies().contains(POLICY));
    }

    @Test
    void aBucketRefusingItsTagsIsUnknownWhileTheOtherBucketsAreComparedAndJudged() throws IOException {
        bucket(HIDDEN, Map.of("team", "someone-else")); // differs from its state, but nobody may see it
        bucket(DRIFTED, Map.of("team", "b"));
        bucket(FIXED, Map.of("team", "a", "owner", "ops"));
        TerraformStates.state()
                .resource(BUCKET, "hidden", bucketState(HIDDEN, Map.of("team", "a", "owner", "ops")))
                .resource(BUCKET, "drifted", bucketState(DRIFTED, Map.of("team", "a")))
                .resource(BUCKET, "fixed", bucketState(FIXED, Map.of("team", "a", "owner", "ops")))
                .writeTo("buckets/terraform.tfstate");
        Files.createDirectories(POLICY_FILE.getParent());
        Files.writeString(POLICY_FILE, """
                id: bucket-owner-tag
                title: Buckets name their owner
                severity: low
                resource: aws_s3_bucket
                violation: '!("owner" in resource.tags)'
                message: '"bucket " + resource.id + " names no owner"'
                remediation:
                  mode: report
                """);
        await().atMost(Duration.ofSeconds(10)).until(() -> policies().contains(POLICY));
        // An earlier, complete scan left findings on the bucket now hidden and on the one fixed since.
        seed(drift(HIDDEN), violation(HIDDEN), drift(FIXED), violation(FIXED));
        ReadFaults.refuseTagging(HIDDEN);

        JsonPath scan = Scans.scanAndWait(Regions.GLOBAL);

        assertThat(scan.getString("status")).isEqualTo("PARTIAL");
        assertThat(scan.getList("problems.part", String.class))
                .containsExactly("s3 aws_s3_bucket " + HIDDEN + " in " + Moto.ACCOUNT + "/global");
        assertThat(scan.getList("problems.reason", String.class))
                .containsExactly("GetBucketTagging: AWS refused the call: AccessDenied (HTTP 403)");
        List<Map<String, Object>> buckets = bucketFindings();
        assertThat(buckets)
                .extracting(f -> f.get("kind") + " " + f.get("resourceId") + " " + f.get("status"))
                .containsExactlyInAnyOrder(
                        "CHANGED " + HIDDEN + " OPEN", // as it was: neither resolved nor updated from tags nobody read
                        "VIOLATION " + HIDDEN + " OPEN", // no verdict on it either way
                        "CHANGED " + DRIFTED + " OPEN",
                        "VIOLATION " + DRIFTED + " OPEN",
                        "CHANGED " + FIXED + " RESOLVED",
                        "VIOLATION " + FIXED + " RESOLVED");
        assertThat(buckets)
                .filteredOn(f ->
                        f.get("resourceId").equals(DRIFTED) && f.get("kind").equals("CHANGED"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("diffs").toString()).contains("tags.team"));
        assertThat(buckets)
                .filteredOn(
                        f -> f.get("resourceId").equals(HIDDEN) && f.get("kind").equals("CHANGED"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("diffs").toString()).contains("seeded"));
    }

    @Test
    void aScanPastItsDeadlineIsPartialWithWhatItReadAndConcludesNothingAboutTheRest() {
        bucket(DRIFTED, Map.of("team", "b"));
        bucket(FIXED, Map.of("team", "a"));
        TerraformStates.state()
                .resource(BUCKET, "drifted", bucketState(DRIFTED, Map.of("team", "a")))
                .resource(BUCKET, "fixed", bucketState(FIXED, Map.of("team", "a")))
                .resource(
                        "aws_iam_role",
                        "app",
                        Map.of("id", "app", "name", "app", "arn", "arn:aws:iam::" + Moto.ACCOUNT + ":role/app"))
                .writeTo("mixed/terraform.tfstate");
        seed(
                drift(FIXED),
                new Observation(
                        FindingKind.CHANGED,
                        Moto.ACCOUNT,
                        Regions.GLOBAL,
                        "aws_iam_role",
                        "app",
                        null,
                        "aws_iam_role.app",
                        stateFile("mixed"),
                        List.of(new AttributeDiff("description", "seeded", "earlier"))));
        ReadFaults.holdIam();

        JsonPath scan = Scans.scanAndWait(Regions.GLOBAL);

        Duration took = Duration.between(
                Instant.parse(scan.getString("startedAt")), Instant.parse(scan.getString("finishedAt")));
        // IAM would answer after 90 s, the SDK would give up after its api-call-timeout of 60 s
        assertThat(took)
                .as("the scan ends by its deadline")
                .isBetween(ReadFaults.DEADLINE, ReadFaults.DEADLINE.plusSeconds(10));
        assertThat(scan.getString("status")).isEqualTo("PARTIAL");
        assertThat(scan.getList("problems.part", String.class))
                .contains("iam aws_iam_role in " + Moto.ACCOUNT + "/global")
                .noneMatch(part -> part.startsWith("s3 "));
        assertThat(scan.getList("problems.reason", String.class))
                .containsOnly("not finished within the scan deadline of 10s");
        JsonPath role = given().queryParam("type", "aws_iam_role")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(role.getList("kind")).containsExactly("CHANGED"); // nothing MISSING of what was not read
        assertThat(role.getList("status")).containsExactly("OPEN");
        assertThat(bucketFindings())
                .extracting(f -> f.get("kind") + " " + f.get("resourceId") + " " + f.get("status"))
                .containsExactlyInAnyOrder("CHANGED " + DRIFTED + " OPEN", "CHANGED " + FIXED + " RESOLVED");
    }

    private void bucket(String name, Map<String, String> tags) {
        s3.createBucket(r -> r.bucket(name));
        s3.putBucketTagging(r -> r.bucket(name)
                .tagging(t -> t.tagSet(tags.entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.s3.model.Tag.builder()
                                .key(e.getKey())
                                .value(e.getValue())
                                .build())
                        .toList())));
    }

    /** The attributes of {@code aws_s3_bucket} that driftwatch compares, as the provider writes them. */
    private static Map<String, Object> bucketState(String name, Map<String, String> tags) {
        return Map.of(
                "id",
                name,
                "bucket",
                name,
                "arn",
                "arn:aws:s3:::" + name,
                "region",
                "us-east-1",
                "tags",
                tags,
                "tags_all",
                tags);
    }

    private void seed(Observation... earlier) {
        findings.apply(
                0,
                new ResolutionScope(Moto.ACCOUNT, Regions.GLOBAL, Set.of(BUCKET, "aws_iam_role"), true, Set.of()),
                List.of(earlier));
    }

    private static Observation drift(String bucket) {
        return new Observation(
                FindingKind.CHANGED,
                Moto.ACCOUNT,
                Regions.GLOBAL,
                BUCKET,
                bucket,
                null,
                BUCKET + "." + bucket,
                stateFile("buckets"),
                List.of(new AttributeDiff("tags.seeded", "yes", null)));
    }

    private static Observation violation(String bucket) {
        return new Observation(
                FindingKind.VIOLATION,
                Moto.ACCOUNT,
                Regions.GLOBAL,
                BUCKET,
                bucket,
                POLICY,
                null,
                null,
                List.of(),
                new Observation.PolicyDetails(
                        "Buckets name their owner", "LOW", "bucket " + bucket + " names no owner", List.of()),
                false);
    }

    private static String stateFile(String directory) {
        return TerraformStates.DIR
                .resolve(directory)
                .resolve("terraform.tfstate")
                .toString();
    }

    private static List<Map<String, Object>> bucketFindings() {
        return given().queryParam("type", BUCKET)
                .queryParam("limit", 1000)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    private static List<String> policies() {
        return given().get("/api/policies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("policies.id");
    }
}
