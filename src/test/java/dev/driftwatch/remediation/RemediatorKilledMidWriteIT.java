package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.HeldWrites;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.OpenSsh;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.RemediatorReplica;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecondInstance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Never twice: a remediator replica (the packaged service) is killed after its write reached AWS and before it
 * heard back. The replica that takes its claim over only verifies; it never writes again. The test's own
 * instance scans and does not remediate (the test profile's default).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class RemediatorKilledMidWriteIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "sg-ssh-open-to-world";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void aReplicaKilledMidWriteIsTakenOverByOneThatOnlyVerifies() throws Exception {
        String group = OpenSsh.group(ec2);
        HeldWrites held = new HeldWrites();
        Map<String, String> heldEndpoint = held.start();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, OpenSsh.AUTO)) {
            Map<String, String> first = RemediatorReplica.config("first");
            first.putAll(heldEndpoint);
            long finding;
            try (SecondInstance dying = SecondInstance.start(first, Path.of("target/remediator-killed.log"))) {
                Scans.scanAndWait(REGION);
                finding = RemediationsApi.findingOf(POLICY, group);
                await().atMost(Duration.ofSeconds(60)).until(() -> held.writes() == 1);
                assertThat(RemediationsApi.of(finding).get(0)).containsEntry("status", "WRITING");

                dying.process().destroyForcibly().waitFor();
            }
            assertThat(ingress(group))
                    .as("the write reached moto before the replica died")
                    .isEmpty();

            Map<String, String> second = RemediatorReplica.config("second");
            second.put("driftwatch.remediation.claim-timeout", "2s");
            try (SecondInstance taker = SecondInstance.start(second, Path.of("target/remediator-taker.log"))) {
                JsonPath verified = RemediationsApi.awaitStatus(finding, "VERIFIED");

                assertThat(verified.getList("timeline.step", String.class)).containsExactly("planned", "verified");
                assertThat(verified.getList("timeline.detail", String.class))
                        .last()
                        .asString()
                        .contains("not made again");
                assertThat(taker.metrics())
                        .as("the taker re-read the group and wrote nothing")
                        .contains("operation=\"DescribeSecurityGroups\"")
                        .doesNotContain("operation=\"RevokeSecurityGroupIngress\"");
                assertThat(held.writes()).isEqualTo(1);
                assertThat(given().queryParam("finding", finding)
                                .get("/api/remediations")
                                .jsonPath()
                                .getList(""))
                        .hasSize(1);
            }
        } finally {
            held.stop();
        }
    }

    private java.util.List<String> ingress(String group) {
        return ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0).ipPermissions().stream()
                .flatMap(p -> p.ipRanges().stream().map(r -> p.fromPort() + " " + r.cidrIp()))
                .toList();
    }
}
