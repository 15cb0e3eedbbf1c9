package dev.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Accepting today's drift as the baseline, on real parts: drift in moto, findings in PostgreSQL, the
 * status change on Kafka, and later scans that stay quiet about what was accepted but not about new drift.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class DriftAcceptIT {

    private static final String REGION = "us-east-1";
    private static final String ABSENT_GROUP = "sg-0acce97ed0000000a";

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private final FindingEventLog events = new FindingEventLog();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @AfterEach
    void close() {
        events.close();
        ec2.close();
    }

    @Test
    void acceptedDriftLeavesOpenAndStaysQuietWhileNewDriftIsStillReported() {
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String web = createGroup(vpc, "web", "platform");
        String stray = createGroup(vpc, "stray", "nobody");
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(web, "web", vpc, REGION, Map.of("Team", "platform-web"), List.of()))
                .resource(
                        "aws_security_group",
                        "gone",
                        SecurityGroups.attributes(ABSENT_GROUP, "gone", vpc, REGION, Map.of(), List.of()))
                .writeTo("network/terraform.tfstate");
        assertThat(Scans.scanAndWait(REGION).getInt("findingsOpened")).isEqualTo(3);
        List<String> fingerprints = open().getList("fingerprint", String.class);

        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "region", REGION, "reason", "Legacy groups, owned by the network team", "acceptedBy", "otto"))
                .post("/api/drift/accept")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(accepted.getList("rule", String.class))
                .containsExactlyInAnyOrder(
                        "aws_security_group." + web + ".tags.Team",
                        "aws_security_group." + stray,
                        "aws_security_group." + ABSENT_GROUP);
        // who accepted is the caller; the name in the body is only who they acted for
        assertThat(accepted.getList("acceptedBy", String.class))
                .containsOnly(TestIdentity.PRINCIPAL + " (on behalf of otto)");
        assertThat(open().getList("")).isEmpty();
        assertThat(findings("ACCEPTED").getList("resourceId", String.class))
                .containsExactlyInAnyOrder(web, stray, ABSENT_GROUP);
        assertThat(events.await(fingerprints, 6))
                .filteredOn(e -> e.type().equals("finding.accepted"))
                .allSatisfy(e -> assertThat(e.data().status()).hasToString("ACCEPTED"))
                .extracting(FindingEventLog.Event::key)
                .containsExactlyInAnyOrderElementsOf(fingerprints);
        String driftignore = given().get("/api/drift/driftignore")
                .then()
                .statusCode(200)
                .contentType(ContentType.TEXT)
                .extract()
                .asString();
        assertThat(driftignore)
                .contains(
                        "\naws_security_group." + web + ".tags.Team\n",
                        "\naws_security_group." + stray + "\n",
                        "accepted by " + TestIdentity.PRINCIPAL + " (on behalf of otto) at ",
                        ": Legacy groups, owned by the network team\n");

        // The next scan reports nothing for what was accepted, and does not resolve it either.
        JsonPath quiet = Scans.scanAndWait(REGION);
        assertThat(quiet.getString("status")).isEqualTo("COMPLETE");
        assertThat(quiet.getInt("findingsOpened") + quiet.getInt("findingsUpdated") + quiet.getInt("findingsResolved"))
                .isZero();
        assertThat(findings("ACCEPTED").getList("")).hasSize(3);

        // New drift on another attribute of the accepted group is reported, without the accepted tag.
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(22)
                        .toPort(22)
                        .ipRanges(i -> i.cidrIp("0.0.0.0/0"))
                        .build()));
        assertThat(Scans.scanAndWait(REGION).getInt("findingsOpened")).isEqualTo(1);
        JsonPath reopened = open();
        assertThat(reopened.getList("resourceId", String.class)).containsExactly(web);
        assertThat(reopened.getList("diffs[0].path", String.class)).containsExactly("ingress");

        // Un-accepting the stray group: the next scan reports it again.
        long strayEntry = given().get("/api/drift/accepted")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("find { it.resourceId == '" + stray + "' }.id");
        given().delete("/api/drift/accepted/" + strayEntry).then().statusCode(204);
        given().delete("/api/drift/accepted/" + strayEntry).then().statusCode(404);
        assertThat(Scans.scanAndWait(REGION).getInt("findingsOpened")).isEqualTo(1);
        assertThat(open().getList("resourceId", String.class)).containsExactlyInAnyOrder(web, stray);
        assertThat(given().get("/api/drift/accepted")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("resourceId", String.class))
                .containsExactlyInAnyOrder(web, ABSENT_GROUP);
    }

    @Test
    void acceptingNeedsAReasonAndWhoAndOnlyTakesDrift() {
        assertThat(given().contentType(ContentType.JSON)
                        .body(Map.of("acceptedBy", "alice"))
                        .post("/api/drift/accept")
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"))
                .contains("reason");
        assertThat(given().contentType(ContentType.JSON)
                        .body(Map.of("reason", "why not", "acceptedBy", " "))
                        .post("/api/drift/accept")
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"))
                .contains("acceptedBy");
        assertThat(given().contentType(ContentType.JSON)
                        .body(Map.of("kind", "VIOLATION", "reason", "r", "acceptedBy", "a"))
                        .post("/api/drift/accept")
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"))
                .contains("/api/waivers");
    }

    private String createGroup(String vpc, String name, String team) {
        String id = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value(team)));
        return id;
    }

    private static JsonPath open() {
        return findings("OPEN");
    }

    private static JsonPath findings(String status) {
        return given().queryParam("status", status)
                .queryParam("region", REGION)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
