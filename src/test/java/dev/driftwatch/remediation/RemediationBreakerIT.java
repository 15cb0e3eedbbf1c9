package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationBreakerProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The circuit breaker, with EC2 refusing every revoke on the wire (UnauthorizedOperation, 403): three failures in
 * a row open it, and while it is open nothing is written in the account; too many resources waiting for the same
 * action open it before any write; only an admin closes it.
 */
@QuarkusTest
@TestProfile(RemediationBreakerProfile.class)
@WithTestResource(KafkaBroker.class)
class RemediationBreakerIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "sg-ssh-open-to-world";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void threeRefusedWritesInARowOpenTheBreakerAndNothingMoreIsWrittenUntilAnAdminResetsIt() {
        try (PolicyInService policy =
                PolicyInService.load(POLICY, REGION, text -> text.replace("mode: approve", "mode: auto"))) {
            List<String> groups =
                    IntStream.range(0, 3).mapToObj(i -> openGroup()).toList();
            Scans.scanAndWait(REGION);
            for (String group : groups) {
                String reason = RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, group), "FAILED")
                        .getString("remediation.reason");
                assertThat(reason)
                        .isEqualTo(
                                "ec2:RevokeSecurityGroupIngress: AWS refused the call: UnauthorizedOperation (HTTP 403)");
            }
            assertThat(RemediationsApi.awsCalls("Ec2", "RevokeSecurityGroupIngress"))
                    .as("access denied is not retried")
                    .isEqualTo(3);
            assertThat(breaker()).containsEntry("open", true);
            await().atMost(Duration.ofSeconds(10)).until(() -> Management.metrics()
                    .contains("driftwatch_remediation_breaker_open{account=\"" + Moto.ACCOUNT + "\"} 1.0"));

            String fourth = openGroup();
            Scans.scanAndWait(REGION);
            assertThat(RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, fourth), "SKIPPED")
                            .getString("remediation.reason"))
                    .startsWith("breaker-open:");
            assertThat(RemediationsApi.awsCalls("Ec2", "RevokeSecurityGroupIngress"))
                    .isEqualTo(3);

            String operator = ApiTokens.create("ops-" + UUID.randomUUID(), "operator");
            given().header("Authorization", TestIdentity.bearer(operator))
                    .post("/api/remediations/breakers/" + Moto.ACCOUNT + "/reset")
                    .then()
                    .statusCode(403);
            given().post("/api/remediations/breakers/" + Moto.ACCOUNT + "/reset")
                    .then()
                    .statusCode(204);
            assertThat(breaker()).containsEntry("open", false).containsEntry("failuresInARow", 0);
        }
    }

    @Test
    void moreResourcesWaitingForTheSameActionThanTheBlastRadiusOpenTheBreakerBeforeAnyWrite() {
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION)) {
            List<String> groups =
                    IntStream.range(0, 6).mapToObj(i -> openGroup()).toList();
            Scans.scanAndWait(REGION);
            long first = RemediationsApi.awaitStatus(
                            RemediationsApi.findingOf(POLICY, groups.get(0)), "AWAITING_APPROVAL")
                    .getLong("remediation.id");
            groups.forEach(g -> RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, g), "AWAITING_APPROVAL"));
            String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");

            given().header("Authorization", TestIdentity.bearer(bob))
                    .contentType(ContentType.JSON)
                    .body(Map.of("comment", "all of them, quickly"))
                    .post("/api/remediations/" + first + "/approve")
                    .then()
                    .statusCode(200);

            assertThat(RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, groups.get(0)), "SKIPPED")
                            .getString("remediation.reason"))
                    .startsWith("breaker-open:")
                    .contains("6 resources", "revoke-world-ingress", "breaker-blast-radius = 5");
            assertThat(RemediationsApi.awsCalls("Ec2", "RevokeSecurityGroupIngress"))
                    .isZero();
            assertThat(breaker()).containsEntry("open", true);
        }
    }

    private String openGroup() {
        String group = ec2.createSecurityGroup(
                        r -> r.groupName("open-" + UUID.randomUUID()).description("ssh"))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
        return group;
    }

    private static Map<String, Object> breaker() {
        List<Map<String, Object>> all = given().get("/api/remediations/breakers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return all.stream()
                .filter(b -> Moto.ACCOUNT.equals(b.get("account")))
                .findFirst()
                .orElse(Map.of());
    }
}
