package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.OpenSsh;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Kafka stopped in the middle of remediation: what needs only PostgreSQL and AWS goes on (an approved fix is
 * written and verified), what needs Kafka waits (the events of those steps, a new finding's event), and once the
 * broker is back every event arrives, once, and the waiting finding gets its remediation.
 */
@QuarkusTest
@TestProfile(RemediationProfile.class)
@WithTestResource(KafkaBroker.class)
class RemediationWithoutKafkaIT {

    private static final String REGION = "us-east-1";
    private static final EventCodec CODEC = EventCodec.standalone();

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void aFixApprovedWhileKafkaIsDownIsMadeAndNoEventIsLostOrSentTwice() {
        String first = OpenSsh.group(ec2);
        String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");
        long since = System.currentTimeMillis();
        try (PolicyInService policy = PolicyInService.load(OpenSsh.POLICY, REGION)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(OpenSsh.POLICY, first);
            long remediation =
                    RemediationsApi.awaitStatus(finding, "AWAITING_APPROVAL").getLong("remediation.id");
            String fingerprint =
                    given().get("/api/findings/" + finding).jsonPath().getString("fingerprint");

            String second;
            KafkaBroker.stopBroker();
            try {
                given().header("Authorization", TestIdentity.bearer(bob))
                        .contentType(ContentType.JSON)
                        .body(Map.of("comment", "go"))
                        .post("/api/remediations/" + remediation + "/approve")
                        .then()
                        .statusCode(200);
                RemediationsApi.awaitStatus(finding, "VERIFIED");
                second = OpenSsh.group(ec2);
                Scans.scanAndWait(REGION);
            } finally {
                KafkaBroker.startBroker();
            }

            long waiting = RemediationsApi.findingOf(OpenSsh.POLICY, second);
            RemediationsApi.awaitStatus(waiting, "AWAITING_APPROVAL");
            assertThat(stepsOf(fingerprint, since, 4))
                    .as("every step's event, once, in order")
                    .containsExactly(
                            "remediation.awaiting-approval",
                            "remediation.approved",
                            "remediation.applied",
                            "remediation.verified");
        }
    }

    /** The remediation events of one finding sent since {@code since}, once at least {@code count} arrived. */
    private static List<String> stepsOf(String fingerprint, long since, int count) {
        try (KafkaCompanion kafka = KafkaBroker.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(RemediationEvent.TOPIC);
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> types(events, fingerprint, since).size() >= count);
                // anything sent twice would follow soon after
                Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
                return types(events, fingerprint, since);
            } finally {
                events.stop();
            }
        }
    }

    private static List<String> types(ConsumerTask<String, String> events, String fingerprint, long since) {
        return events.getRecords().stream()
                .filter(r -> r.timestamp() >= since && fingerprint.equals(r.key()))
                .map(r -> CODEC.read(r.value(), RemediationEvent.FORMAT).type())
                .toList();
    }
}
