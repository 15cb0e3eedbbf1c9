package dev.driftwatch.scan;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The target lock's connection dies mid-scan ({@code pg_terminate_backend}): its session lock is gone, the
 * scan is failed as orphaned, and a second scan of the same target runs meanwhile. The first, still
 * reading, must not write what it read: the fence stops it. (Without taking the orphaned scan over: the test
 * changes the cloud between the orphaned scan and the next, which a retry queued at once would race.)
 */
@QuarkusTest
@TestProfile(ScanFenceIT.NoTakeover.class)
@WithTestResource(KafkaBroker.class)
@WithTestResource(HeldEc2.class)
class ScanFenceIT {

    /** An orphaned scan stays FAILED, with no run queued to take it over. */
    public static class NoTakeover implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("driftwatch.scan.max-attempts", "1");
        }
    }

    private static final String REGION = "us-east-1";

    private final Ec2Client ec2 = Moto.ec2(REGION);

    @Inject
    RunningScans running;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @AfterEach
    void close() {
        HeldEc2.release();
        ec2.close();
    }

    @Test
    void aScanWhoseLockWasLostWritesNothingAndTheNextOneRuns() throws Exception {
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String web = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(web, "web", vpc, REGION, Map.of(), List.of()))
                .writeTo("network/terraform.tfstate");
        String stray = ec2.createSecurityGroup(
                        r -> r.groupName("stray").description("by hand").vpcId(vpc))
                .groupId();
        assertThat(Scans.scanAndWait(REGION).getString("status")).isEqualTo("COMPLETE");
        String fingerprint = (String) strayFinding(stray).get("fingerprint");

        HeldEc2.holdNext();
        long first = Scans.request(REGION).get(0);
        HeldEc2.awaitHolding(); // the first scan has read the stray group and waits for the rest of EC2
        assertThat(Sql.rows(
                        Sql.testDatabase(),
                        "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                                + " and database = (select oid from pg_database where datname = current_database()) and classid = 1146573635"
                                + " and objid = hashtext(?)::oid and objsubid = 2 and granted",
                        Moto.ACCOUNT + "/" + REGION))
                .as("the scan's lock connection")
                .hasSize(1);
        // How a replica cut off from PostgreSQL looks to the others: its lock connection gone (above) and its
        // heartbeat stale, so its scan is failed as orphaned and the target may be scanned again meanwhile.
        assertThat(Sql.rows(
                        Sql.testDatabase(),
                        "update scan_run set scanned_by = 'cut-off-replica' where id = ? returning id",
                        first))
                .hasSize(1);
        JsonPath orphaned = Scans.awaitFinished(first);
        assertThat(orphaned.getString("status")).isEqualTo("FAILED");
        assertThat(orphaned.getList("problems.reason", String.class))
                .singleElement()
                .asString()
                .contains("stopped answering during the scan");
        ec2.deleteSecurityGroup(r -> r.groupId(stray));

        JsonPath second = Scans.scanAndWait(REGION);
        assertThat(second.getLong("id")).isNotEqualTo(first);
        assertThat(second.getString("status")).isEqualTo("COMPLETE");
        assertThat(second.getInt("findingsResolved")).isEqualTo(1);
        HeldEc2.release(); // the cut-off scan goes on with what it read before the group was deleted
        await().atMost(Duration.ofSeconds(60)).until(() -> running.list().isEmpty());

        JsonPath stale = Scans.awaitFinished(first);
        assertThat(stale.getString("status")).isEqualTo("FAILED");
        assertThat(stale.getInt("findingsOpened") + stale.getInt("findingsUpdated"))
                .isZero();
        assertThat(strayFinding(stray).get("status"))
                .as("the group is gone, whatever the stale scan read")
                .isEqualTo("RESOLVED");
        assertThat(Sql.findingEvents(Sql.testDatabase(), fingerprint))
                .containsExactly("finding.opened v1", "finding.resolved v2");

        JsonPath next = Scans.scanAndWait(REGION);
        assertThat(next.getString("status")).isEqualTo("COMPLETE");
        assertThat(next.getInt("findingsOpened") + next.getInt("findingsUpdated") + next.getInt("findingsResolved"))
                .isZero();
        assertThat(strayFinding(stray).get("status")).isEqualTo("RESOLVED");
    }

    /** The group's one finding, as the API shows it. */
    private static Map<String, Object> strayFinding(String group) {
        List<Map<String, Object>> found = given().queryParam("region", REGION)
                .queryParam("type", "aws_security_group")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.resourceId == '" + group + "' }");
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
