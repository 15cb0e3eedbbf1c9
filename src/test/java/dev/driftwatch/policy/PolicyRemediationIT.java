package dev.driftwatch.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.outbox.ReceivedEvent;
import dev.driftwatch.scan.ScanRequested;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.EventSchemas;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * A policy's remediation section in the running service: its violation's finding and event carry it as typed
 * fields, a policy without one gives findings without one; every event the scan produced on Kafka is valid
 * against its published schema ({@code docs/events}) and reads back into its record.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class PolicyRemediationIT {

    private static final String REGION = "us-east-1";
    private static final String PRECONDITION = "size(resource.ingress) > 0";
    private static final EventCodec CODEC = EventCodec.standalone();

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void theRemediationSectionReachesTheFindingAndItsEventAndEveryEventMatchesItsSchema() {
        String name = "remediate-" + UUID.randomUUID();
        String group = ec2.createSecurityGroup(r -> r.groupName(name).description("open"))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(world(22), world(3389)));
        long since = System.currentTimeMillis();
        try (KafkaCompanion kafka = KafkaBroker.companion();
                PolicyInService ssh = PolicyInService.load(
                        "sg-ssh-open-to-world", REGION, text -> text + "  precondition: " + PRECONDITION + "\n");
                PolicyInService rdp = PolicyInService.load(
                        "sg-rdp-open-to-world", REGION, text -> text.substring(0, text.indexOf("remediation:")))) {
            ConsumerTask<String, String> findings = kafka.consumeStrings().fromTopics(FindingEvent.TOPIC);
            ConsumerTask<String, String> requests = kafka.consumeStrings().fromTopics(ScanRequested.TOPIC);
            long scanId = Scans.scanAndWait(REGION).getLong("id");

            Map<String, Object> sshFinding = violation("sg-ssh-open-to-world", group);
            Map<String, Object> rdpFinding = violation("sg-rdp-open-to-world", group);
            assertThat(sshFinding.get("remediation"))
                    .isEqualTo(
                            Map.of("mode", "APPROVE", "action", "revoke-world-ingress", "precondition", PRECONDITION));
            assertThat(rdpFinding).doesNotContainKey("remediation");

            String sshKey = (String) sshFinding.get("fingerprint");
            String rdpKey = (String) rdpFinding.get("fingerprint");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> since(findings, since).stream()
                                    .filter(r ->
                                            r.key().equals(sshKey) || r.key().equals(rdpKey))
                                    .count()
                            >= 2);
            List<ConsumerRecord<String, String>> published = since(findings, since);
            for (ConsumerRecord<String, String> event : published) {
                assertThat(EventSchemas.violations(FindingEvent.TOPIC, event.value()))
                        .as(event.value())
                        .isEmpty();
            }
            ReceivedEvent<FindingEvent> opened = read(published, sshKey);
            assertThat(opened.type()).isEqualTo("finding.opened");
            assertThat(opened.schemaVersion()).isEqualTo(FindingEvent.SCHEMA_VERSION);
            assertThat(opened.event().data().kind()).isEqualTo(FindingKind.VIOLATION);
            assertThat(opened.event().data().remediation())
                    .isEqualTo(new RemediationSpec(RemediationSpec.Mode.APPROVE, "revoke-world-ingress", PRECONDITION));
            assertThat(read(published, rdpKey).event().data().remediation()).isNull();
            assertThat(published)
                    .filteredOn(r -> r.key().equals(rdpKey))
                    .extracting(ConsumerRecord::value)
                    .allSatisfy(json -> assertThat(json).doesNotContain("remediation"));

            await().atMost(Duration.ofSeconds(60)).until(() -> since(requests, since).stream()
                    .anyMatch(r -> CODEC.read(r.value(), ScanRequested.FORMAT)
                                    .event()
                                    .data()
                                    .scanId()
                            == scanId));
            for (ConsumerRecord<String, String> request : since(requests, since)) {
                assertThat(EventSchemas.violations(ScanRequested.TOPIC, request.value()))
                        .as(request.value())
                        .isEmpty();
                assertThat(CODEC.read(request.value(), ScanRequested.FORMAT).subject())
                        .isEqualTo(request.key());
            }
            findings.stop();
            requests.stop();
        }
    }

    private static ReceivedEvent<FindingEvent> read(List<ConsumerRecord<String, String>> events, String key) {
        return events.stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .map(r -> CODEC.read(r.value(), FindingEvent.FORMAT))
                .orElseThrow();
    }

    private static List<ConsumerRecord<String, String>> since(ConsumerTask<String, String> task, long since) {
        return task.getRecords().stream().filter(r -> r.timestamp() >= since).toList();
    }

    private static Map<String, Object> violation(String policyId, String resourceId) {
        JsonPath page = given().queryParam("kind", "VIOLATION")
                .queryParam("status", "OPEN")
                .queryParam("limit", 1000)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.<Map<String, Object>>getList("").stream()
                .filter(f -> policyId.equals(f.get("policyId")) && resourceId.equals(f.get("resourceId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open violation of " + policyId + " on " + resourceId));
    }

    private static IpPermission world(int port) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0"))
                .build();
    }
}
