package dev.driftwatch.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Policies in the running service: a violation found by a scan, its event, a waiver that suppresses it
 * until it expires, resolution when fixed; a broken policy file named with its line while the others run.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class PolicyScanIT {

    private static final Path DIR = Path.of("target/it-policies");
    private static final Path AWAY = Path.of("target/it-policies.away");
    private static final String REGION = "us-east-1";
    private static final IpPermission SSH_FROM_ANYWHERE = IpPermission.builder()
            .ipProtocol("tcp")
            .fromPort(22)
            .toPort(22)
            .ipRanges(r -> r.cidrIp("0.0.0.0/0"))
            .build();

    @Inject
    TestClock clock;

    @BeforeEach
    void cleanSlate() throws IOException {
        Database.cleanSlate();
        removePolicies();
    }

    /** The other tests share the service: leave it without policies, and its clock on time. */
    @AfterEach
    void removePolicies() throws IOException {
        clock.reset();
        if (Files.isDirectory(AWAY) && !Files.exists(DIR)) {
            Files.move(AWAY, DIR);
        }
        Files.createDirectories(DIR);
        try (var files = Files.walk(DIR)) { // deepest first; links are removed, never followed
            for (Path f : files.sorted(Comparator.reverseOrder())
                    .filter(f -> !f.equals(DIR))
                    .toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void aPolicyDirectoryMountedFromAConfigMapLoadsEachPolicyOnce() throws Exception {
        // The layout of a ConfigMap volume: the files in a hidden timestamped folder, links to them at the top.
        Path version = Files.createDirectories(DIR.resolve("..2026_12_01_00_00_00.000000001"));
        Files.copy(Path.of("policies/ec2/sg-ssh-open-to-world.yaml"), version.resolve("ssh.yaml"));
        Files.createSymbolicLink(DIR.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(DIR.resolve("ssh.yaml"), Path.of("..data/ssh.yaml"));

        JsonPath pack = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().get("/api/policies")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        p -> !p.getList("policies").isEmpty());
        assertThat(pack.getList("policies.id")).containsExactly("sg-ssh-open-to-world");
        assertThat(pack.getList("errors")).isEmpty();
    }

    @Test
    void violationIsFoundWaivedUntilExpiryAndResolvedWhenFixed() throws Exception {
        // The built-in policy file, loaded while the service runs: policies reload when files change.
        Files.copy(
                Path.of("policies/ec2/sg-ssh-open-to-world.yaml"),
                DIR.resolve("ssh.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                DIR.resolve("broken.yaml"),
                "id: broken-policy\ntitle: Broken\nseverity: high\nresource: aws_security_group\n"
                        + "violation: resource.name ==\nmessage: '\"x\"'\n");
        String open;
        String closed;
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            open = ec2.createSecurityGroup(r -> r.groupName("bastion").description("ssh"))
                    .groupId();
            closed = ec2.createSecurityGroup(r -> r.groupName("internal").description("internal"))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(SSH_FROM_ANYWHERE));
        }

        FindingEventLog events = new FindingEventLog(); // from before the scan: it sees only events sent since
        Scans.scanAndWait(REGION);

        JsonPath violation = violations("OPEN");
        assertThat(violation.getList("resourceId")).containsExactly(open);
        assertThat(violation.getString("[0].policyId")).isEqualTo("sg-ssh-open-to-world");
        assertThat(violation.getString("[0].severity")).isEqualTo("HIGH");
        assertThat(violation.getList("[0].references", String.class)).containsExactly("CIS-AWS-5.2", "FSBP-EC2.13");
        assertThat(violation.getString("[0].message"))
                .isEqualTo("security group " + open + " (bastion) allows port 22 from anywhere on the internet");
        String fingerprint = violation.getString("[0].fingerprint");
        try (events) {
            FindingEventLog.Event opened = events.await(List.of(fingerprint), 1).get(0);
            assertThat(opened.type()).isEqualTo("finding.opened");
            assertThat(opened.data().kind()).hasToString("VIOLATION");
            assertThat(opened.data().policyId()).isEqualTo("sg-ssh-open-to-world");
            assertThat(opened.data().severity()).isEqualTo("HIGH");
            assertThat(opened.data().references()).containsExactly("CIS-AWS-5.2", "FSBP-EC2.13");
            assertThat(opened.data().message()).isEqualTo(violation.getString("[0].message"));
        }
        JsonPath pack =
                given().get("/api/policies").then().statusCode(200).extract().jsonPath();
        assertThat(pack.getList("policies.id")).containsExactly("sg-ssh-open-to-world");
        assertThat(pack.getString("errors[0].file")).endsWith("broken.yaml");
        assertThat(pack.getInt("errors[0].line")).isEqualTo(5);
        assertThat(Management.get("/q/metrics").asString()).contains("driftwatch_policy_errors 1.0");

        // A waiver for an hour: the finding is suppressed, visible, and comes back when it lapses (the service's
        // clock is moved past the expiry, rather than waiting for it).
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "policyId",
                        "sg-ssh-open-to-world",
                        "resourceId",
                        open,
                        "owner",
                        "platform-team",
                        "reason",
                        "bastion until the VPN is ready",
                        "expiresAt",
                        expiry.toString()))
                .post("/api/waivers")
                .then()
                .statusCode(201);
        Scans.scanAndWait(REGION);
        assertThat(violations("SUPPRESSED").getList("resourceId")).containsExactly(open);
        assertThat(violations("OPEN").getList("")).isEmpty();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(clock.instant()).isAfter(expiry);
        Scans.scanAndWait(REGION);
        assertThat(violations("OPEN").getList("resourceId")).containsExactly(open);

        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(SSH_FROM_ANYWHERE));
        }
        JsonPath fixed = Scans.scanAndWait(REGION);
        assertThat(fixed.getInt("findingsResolved")).isEqualTo(1);
        assertThat(violations("OPEN").getList("")).isEmpty();
        assertThat(violations("RESOLVED").getList("resourceId"))
                .containsExactly(open)
                .doesNotContain(closed);
    }

    @Test
    void aPolicyDirectoryThatVanishesKeepsItsViolationsOpenAndIsShownUntilItIsBack() throws Exception {
        Files.copy(
                Path.of("policies/ec2/sg-ssh-open-to-world.yaml"),
                DIR.resolve("ssh.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        String open;
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            open = ec2.createSecurityGroup(r -> r.groupName("bastion").description("ssh"))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(SSH_FROM_ANYWHERE));
        }
        Scans.scanAndWait(REGION);
        String fingerprint = violations("OPEN").getString("[0].fingerprint");
        assertThat(violations("OPEN").getList("resourceId")).containsExactly(open);

        // The directory moved away (a bad deploy, a volume not mounted): not "no policies", an error.
        Files.move(DIR, AWAY);
        JsonPath blind = Scans.scanAndWait(REGION);
        assertThat(blind.getString("status")).isEqualTo("PARTIAL");
        assertThat(blind.getList("problems", Map.class))
                .contains(Map.of("part", "policy directory " + DIR, "reason", "policy directory does not exist"));
        assertThat(blind.getInt("findingsResolved")).isZero();
        assertThat(violations("OPEN").getList("fingerprint")).containsExactly(fingerprint);
        JsonPath pack =
                given().get("/api/policies").then().statusCode(200).extract().jsonPath();
        assertThat(pack.getList("policies")).isEmpty();
        assertThat(pack.getList("errors", Map.class))
                .containsExactly(
                        Map.of("file", DIR.toString(), "line", 0, "reason", "policy directory does not exist"));
        assertThat(Management.get("/q/metrics").asString()).contains("driftwatch_policy_errors 1.0");

        Files.move(AWAY, DIR);
        JsonPath back = Scans.scanAndWait(REGION);
        assertThat(back.getList("problems.part")).doesNotContain("policy directory " + DIR);
        assertThat(violations("OPEN").getList("fingerprint")).containsExactly(fingerprint);
        assertThat(given().get("/api/policies").then().extract().jsonPath().getList("errors"))
                .isEmpty();
        assertThat(Management.get("/q/metrics").asString()).contains("driftwatch_policy_errors 0.0");
    }

    @Test
    void validateEndpointNamesEveryProblemWithItsLine() {
        given().contentType(ContentType.TEXT)
                .body("id: ok-policy\ntitle: Fine\nseverity: low\nresource: aws_vpc\n"
                        + "violation: resource.enable_dns_support == false\nmessage: '\"vpc \" + resource.id'\n")
                .post("/api/policies/validate")
                .then()
                .statusCode(200);

        JsonPath invalid = given().contentType(ContentType.TEXT)
                .queryParam("file", "team/vpc.yaml")
                .body(
                        "id: Bad Id\ntitle: Bad\nseverity: extreme\nresource: aws_vpc\nviolation: size(resource.id)\nmessage: '\"x\"'\n")
                .post("/api/policies/validate")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(invalid.getList("errors", Map.class))
                .extracting(e -> e.get("file") + ":" + e.get("line"))
                .containsExactlyInAnyOrder("team/vpc.yaml:1", "team/vpc.yaml:3");
    }

    private static JsonPath violations(String status) {
        return given().queryParam("kind", "VIOLATION")
                .queryParam("status", status)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
