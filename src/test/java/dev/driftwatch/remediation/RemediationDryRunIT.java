package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.EventSchemas;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.OpenSsh;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationDryRunProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Dry-run, as shipped: everything but the write. The group in moto is the same before and after, and the
 * remediation, its timeline and its events on {@code driftwatch.remediations} show the exact call that would have
 * been made.
 */
@QuarkusTest
@TestProfile(RemediationDryRunProfile.class)
@WithTestResource(KafkaBroker.class)
class RemediationDryRunIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "sg-ssh-open-to-world";
    private static final EventCodec CODEC = EventCodec.standalone();

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void dryRunRecordsTheExactCallAndChangesNothing() {
        String group = ec2.createSecurityGroup(
                        r -> r.groupName("open-" + UUID.randomUUID()).description("ssh"))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(22)
                .toPort(22)
                .ipRanges(i -> i.cidrIp("0.0.0.0/0"), i -> i.cidrIp("10.1.0.0/16"))));
        SecurityGroup before = describe(group);
        try (KafkaCompanion kafka = KafkaBroker.companion();
                PolicyInService policy =
                        PolicyInService.load(POLICY, REGION, text -> text.replace("mode: approve", "mode: auto"))) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(RemediationEvent.TOPIC);
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(POLICY, group);

            JsonPath planned = RemediationsApi.awaitStatus(finding, "DRY_RUN");

            assertThat(describe(group)).as("moto unchanged").isEqualTo(before);
            assertThat(planned.getBoolean("remediation.dryRun")).isTrue();
            assertThat(planned.getMap("remediation.plannedCall"))
                    .isEqualTo(Map.of(
                            "operation",
                            "ec2:RevokeSecurityGroupIngress",
                            "parameters",
                            Map.of(
                                    "GroupId",
                                    group,
                                    "IpPermissions",
                                    List.of(Map.of(
                                            "IpProtocol",
                                            "tcp",
                                            "FromPort",
                                            22,
                                            "ToPort",
                                            22,
                                            "IpRanges",
                                            List.of(Map.of("CidrIp", "0.0.0.0/0")),
                                            "Ipv6Ranges",
                                            List.of())))));
            assertThat(planned.getList("timeline.step", String.class)).containsExactly("planned", "dry-run");

            String fingerprint = planned.getString("remediation.fingerprint");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ofFinding(events, fingerprint).size() >= 2);
            List<ConsumerRecord<String, String>> published = ofFinding(events, fingerprint);
            assertThat(published)
                    .extracting(
                            r -> CODEC.read(r.value(), RemediationEvent.FORMAT).type())
                    .containsExactly("remediation.planned", "remediation.dry-run");
            for (ConsumerRecord<String, String> event : published) {
                assertThat(EventSchemas.violations(RemediationEvent.TOPIC, event.value()))
                        .as(event.value())
                        .isEmpty();
            }
            events.stop();
        }
    }

    @Test
    void thePlanIsListedAPageAtATimeNewestFirst() {
        List<String> groups = List.of(OpenSsh.group(ec2), OpenSsh.group(ec2), OpenSsh.group(ec2));
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, OpenSsh.AUTO)) {
            Scans.scanAndWait(REGION);
            List<Long> findings = groups.stream()
                    .map(g -> RemediationsApi.findingOf(POLICY, g))
                    .toList();
            findings.forEach(f -> RemediationsApi.awaitStatus(f, "DRY_RUN"));

            List<Long> all = page(0, 10);
            assertThat(all).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(page(0, 2)).isEqualTo(all.subList(0, 2));
            assertThat(page(2, 2)).isEqualTo(all.subList(2, 3));
            given().queryParam("limit", 1001).get("/api/remediations").then().statusCode(400);
        }
    }

    private static List<Long> page(int offset, int limit) {
        return given().queryParam("status", "DRY_RUN")
                .queryParam("offset", offset)
                .queryParam("limit", limit)
                .get("/api/remediations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", Long.class);
    }

    private static List<ConsumerRecord<String, String>> ofFinding(
            ConsumerTask<String, String> events, String fingerprint) {
        return events.getRecords().stream()
                .filter(r -> fingerprint.equals(r.key()))
                .toList();
    }

    private SecurityGroup describe(String group) {
        return ec2.describeSecurityGroups(r -> r.groupIds(group))
                .securityGroups()
                .get(0);
    }
}
