package dev.driftwatch.finding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.HeldEc2;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.Sql;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Drift accepted while a scan writes the same finding: each side is held in the middle of its transaction
 * (a table lock taken by the test, on a table only that side writes) while the other commits. Neither the
 * accept nor the scan's update may be lost, and the finding's event versions follow each other.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(HeldEc2.class)
class ConcurrentFindingUpdatesIT {

    private static final String REGION = "us-east-1";

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private String web;
    private String stray;
    private String fingerprint;

    @BeforeEach
    void driftOnOneGroup() {
        Database.cleanSlate();
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        web = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        tag(web, "platform");
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(web, "web", vpc, REGION, Map.of("Team", "platform-web"), List.of()))
                .writeTo("network/terraform.tfstate");
        assertThat(Scans.scanAndWait(REGION).getInt("findingsOpened")).isEqualTo(1);
        fingerprint = web().getString("fingerprint");
        // What the next scan will see: the tag changed again, and a group nobody manages.
        tag(web, "platform-2");
        stray = ec2.createSecurityGroup(
                        r -> r.groupName("stray").description("by hand").vpcId(vpc))
                .groupId();
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void driftAcceptedWhileTheScanWritesStaysAccepted() throws Exception {
        JsonPath scan;
        try (Connection hold = Sql.connect(Sql.testDatabase())) {
            holdTable(hold, "resource_snapshot"); // the scan has read the findings and waits to store its snapshot
            long id = Scans.request(REGION).get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.waitingOn(Sql.testDatabase(), "resource_snapshot"));
            accept().then().statusCode(200);
            hold.commit();
            scan = Scans.awaitFinished(id);
        }

        assertThat(scan.getString("status")).isEqualTo("COMPLETE");
        assertThat(web().getString("status"))
                .as("the accept is not overwritten")
                .isEqualTo("ACCEPTED");
        assertThat(strayStatus()).as("the scan's own writes are not lost").isEqualTo("OPEN");
        assertThat(Sql.findingEvents(Sql.testDatabase(), fingerprint))
                .containsExactly("finding.opened v1", "finding.accepted v2");
    }

    @Test
    void aScanWritingWhileDriftIsAcceptedIsNotLostAndTheAcceptStands() throws Exception {
        try (Connection hold = Sql.connect(Sql.testDatabase())) {
            holdTable(hold, "accepted_drift"); // the accept has read the open findings and waits to record them
            CompletableFuture<JsonPath> accepted = CompletableFuture.supplyAsync(
                    () -> accept().then().statusCode(200).extract().jsonPath());
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.waitingOn(Sql.testDatabase(), "accepted_drift"));
            JsonPath scan = Scans.scanAndWait(REGION);
            assertThat(scan.getString("status")).isEqualTo("COMPLETE");
            assertThat(scan.getInt("findingsUpdated")).isEqualTo(1);
            hold.commit();
            assertThat(accepted.get().getList("rule", String.class))
                    .containsExactly("aws_security_group." + web + ".tags.Team");
        }

        JsonPath finding = web();
        assertThat(finding.getString("status")).isEqualTo("ACCEPTED");
        assertThat(finding.getString("diffs[0].actual"))
                .as("the scan's update is kept")
                .isEqualTo("platform-2");
        assertThat(strayStatus()).isEqualTo("OPEN");
        assertThat(Sql.findingEvents(Sql.testDatabase(), fingerprint))
                .containsExactly("finding.opened v1", "finding.updated v2", "finding.accepted v3");
        // and the accepted drift stays quiet
        JsonPath next = Scans.scanAndWait(REGION);
        assertThat(next.getInt("findingsOpened") + next.getInt("findingsUpdated") + next.getInt("findingsResolved"))
                .isZero();
    }

    private static void holdTable(Connection hold, String table) throws Exception {
        hold.setAutoCommit(false);
        try (Statement statement = hold.createStatement()) {
            statement.execute("lock table " + table + " in exclusive mode");
        }
    }

    private static io.restassured.response.Response accept() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("region", REGION, "kind", "CHANGED", "reason", "moved teams", "acceptedBy", "alice"))
                .post("/api/drift/accept");
    }

    private void tag(String group, String team) {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value(team)));
    }

    private JsonPath web() {
        return given().get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.resourceId == '" + web + "' }");
    }

    private String strayStatus() {
        return given().get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("find { it.resourceId == '" + stray + "' }.status");
    }
}
