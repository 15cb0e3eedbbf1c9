package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.Ec2WriteRefusals;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.OpenSsh;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationGuardsProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestClock;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The guards on writes, with EC2 refusing the revokes of chosen groups on the wire (UnauthorizedOperation, 403):
 * two failures in a row open the account's breaker, and while it is open nothing is written there; too many
 * resources waiting for the same action open it before any write; only an admin closes it. Past two writes in an
 * hour, a fix waits for the hour to pass (the clock is moved).
 */
@QuarkusTest
@TestProfile(RemediationGuardsProfile.class)
@WithTestResource(KafkaBroker.class)
class RemediationGuardsIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "sg-ssh-open-to-world";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @Inject
    TestClock clock;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        Ec2WriteRefusals.reset();
    }

    @Test
    void twoRefusedWritesInARowOpenTheBreakerAndNothingMoreIsWrittenUntilAnAdminResetsIt() {
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, OpenSsh.AUTO)) {
            List<String> refused =
                    IntStream.range(0, 2).mapToObj(i -> OpenSsh.group(ec2)).toList();
            refused.forEach(Ec2WriteRefusals::refuseWritesTo);
            double writesBefore = writes();
            Scans.scanAndWait(REGION);
            for (String group : refused) {
                String reason = RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, group), "FAILED")
                        .getString("remediation.reason");
                assertThat(reason)
                        .isEqualTo(
                                "ec2:RevokeSecurityGroupIngress: AWS refused the call: UnauthorizedOperation (HTTP 403)");
            }
            assertThat(writes() - writesBefore)
                    .as("access denied is not retried")
                    .isEqualTo(2);
            assertThat(breaker()).containsEntry("open", true);
            await().atMost(Duration.ofSeconds(10)).until(() -> Management.metrics()
                    .contains("driftwatch_remediation_breaker_open{account=\"" + Moto.ACCOUNT + "\"} 1.0"));

            String third = OpenSsh.group(ec2);
            Scans.scanAndWait(REGION);
            assertThat(RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, third), "SKIPPED")
                            .getString("remediation.reason"))
                    .startsWith("breaker-open:");
            assertThat(writes() - writesBefore).isEqualTo(2);

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
    void pastTheHourlyCapAFixWaitsUntilAWriteLeavesTheHour() {
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, OpenSsh.AUTO)) {
            List<String> groups =
                    IntStream.range(0, 3).mapToObj(i -> OpenSsh.group(ec2)).toList();
            Scans.scanAndWait(REGION);
            List<Long> findings = groups.stream()
                    .map(g -> RemediationsApi.findingOf(POLICY, g))
                    .toList();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> statuses(findings).equals(Map.of("VERIFIED", 2L, "PLANNED", 1L)));
            Map<String, Object> waiting = findings.stream()
                    .map(f -> RemediationsApi.of(f).get(0))
                    .filter(r -> "PLANNED".equals(r.get("status")))
                    .findFirst()
                    .orElseThrow();
            assertThat((String) waiting.get("reason")).startsWith("capped: 2 writes in the last hour");

            clock.advance(Duration.ofMinutes(61));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> statuses(findings).equals(Map.of("VERIFIED", 3L)));
        } finally {
            clock.reset();
        }
    }

    @Test
    void pastTheCapOfOneScanAnAutomaticFixWaitsForAnApproverInstead() {
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, OpenSsh.AUTO)) {
            List<String> groups =
                    IntStream.range(0, 4).mapToObj(i -> OpenSsh.group(ec2)).toList();
            Scans.scanAndWait(REGION);
            List<Long> findings = groups.stream()
                    .map(g -> RemediationsApi.findingOf(POLICY, g))
                    .toList();

            // three start (two written, the third held by the hourly cap); the fourth waits for a person
            await().atMost(Duration.ofSeconds(60)).until(() -> statuses(findings)
                    .equals(Map.of("VERIFIED", 2L, "PLANNED", 1L, "AWAITING_APPROVAL", 1L)));
            Map<String, Object> waiting = findings.stream()
                    .map(f -> RemediationsApi.of(f).get(0))
                    .filter(r -> "AWAITING_APPROVAL".equals(r.get("status")))
                    .findFirst()
                    .orElseThrow();
            assertThat((String) waiting.get("reason"))
                    .isEqualTo("capped: 3 automatic fixes already started from this scan of account " + Moto.ACCOUNT
                            + " (max-auto-fixes-per-account-per-scan 3); this one waits for an approver");
            assertThat(waiting.get("mode")).isEqualTo("APPROVE");
        }
    }

    @Test
    void moreResourcesWaitingForTheSameActionThanTheBlastRadiusOpenTheBreakerBeforeAnyWrite() {
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION)) {
            List<String> groups =
                    IntStream.range(0, 6).mapToObj(i -> OpenSsh.group(ec2)).toList();
            Scans.scanAndWait(REGION);
            long first = RemediationsApi.awaitStatus(
                            RemediationsApi.findingOf(POLICY, groups.get(0)), "AWAITING_APPROVAL")
                    .getLong("remediation.id");
            groups.forEach(g -> RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, g), "AWAITING_APPROVAL"));
            String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");
            double writesBefore = writes();

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
            assertThat(writes()).isEqualTo(writesBefore);
            assertThat(breaker()).containsEntry("open", true);
        }
    }

    private static Map<String, Long> statuses(List<Long> findings) {
        return findings.stream()
                .map(RemediationsApi::of)
                .filter(r -> !r.isEmpty())
                .collect(Collectors.groupingBy(r -> (String) r.get(0).get("status"), Collectors.counting()));
    }

    /** Revokes sent so far (none before the first: no line yet). */
    private static double writes() {
        return Management.metrics()
                .lines()
                .filter(l -> l.startsWith("driftwatch_aws_requests_total{")
                        && l.contains("operation=\"RevokeSecurityGroupIngress\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
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
