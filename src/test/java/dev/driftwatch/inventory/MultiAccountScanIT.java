package dev.driftwatch.inventory;

import static dev.driftwatch.testsupport.MultiAccountProfile.ALPHA;
import static dev.driftwatch.testsupport.MultiAccountProfile.BETA;
import static dev.driftwatch.testsupport.MultiAccountProfile.LOCKED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MultiAccountProfile;
import dev.driftwatch.testsupport.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Two accounts × two regions through AssumeRole, and a third account whose role cannot be assumed. */
@QuarkusTest
@TestProfile(MultiAccountProfile.class)
@WithTestResource(KafkaBroker.class)
class MultiAccountScanIT {

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void scansEveryAccountAndRegionAndMarksOnlyTheLockedAccountPartial() {
        Map<String, String> groupByTarget = new HashMap<>();
        for (String account : List.of(ALPHA, BETA)) {
            for (String region : MultiAccountProfile.REGIONS) {
                try (Ec2Client ec2 = Moto.ec2(region, account)) {
                    groupByTarget.put(
                            account + "/" + region,
                            ec2.createSecurityGroup(
                                            r -> r.groupName("hand-made").description("nobody's"))
                                    .groupId());
                }
            }
        }

        List<JsonPath> scans =
                Scans.request().stream().map(Scans::awaitFinished).toList();

        Map<String, JsonPath> byTarget = new HashMap<>();
        scans.forEach(s -> byTarget.put(s.getString("account") + "/" + s.getString("region"), s));
        assertThat(byTarget)
                .containsOnlyKeys(
                        ALPHA + "/us-east-1",
                        ALPHA + "/eu-west-1",
                        ALPHA + "/global",
                        BETA + "/us-east-1",
                        BETA + "/eu-west-1",
                        BETA + "/global",
                        LOCKED + "/us-east-1",
                        LOCKED + "/eu-west-1",
                        LOCKED + "/global");
        for (String account : List.of(ALPHA, BETA)) {
            for (String region : MultiAccountProfile.REGIONS) {
                JsonPath scan = byTarget.get(account + "/" + region);
                assertThat(scan.getString("status")).as(account + "/" + region).isEqualTo("COMPLETE");
                List<String> unmanaged = given().queryParam("account", account)
                        .queryParam("region", region)
                        .queryParam("kind", "UNMANAGED")
                        .get("/api/findings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("resourceId");
                assertThat(unmanaged)
                        .as("%s/%s sees its own group, not another account's", account, region)
                        .containsExactly(groupByTarget.get(account + "/" + region));
            }
        }
        for (String region : List.of("us-east-1", "eu-west-1", "global")) {
            JsonPath locked = byTarget.get(LOCKED + "/" + region);
            assertThat(locked.getString("status")).isEqualTo("PARTIAL");
            assertThat(locked.getList("problems.part", String.class)).isNotEmpty();
            assertThat(locked.getList("problems.reason", String.class))
                    .containsOnly("AWS refused the call: AccessDenied (HTTP 403)");
        }
        assertThat(given().queryParam("account", LOCKED)
                        .get("/api/findings")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList(""))
                .as("nothing is concluded about an account that could not be read")
                .isEmpty();
    }
}
