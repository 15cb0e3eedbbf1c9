package dev.driftwatch.finding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.ScanTarget;
import dev.driftwatch.scan.ScanRuns;
import dev.driftwatch.scan.ScanService;
import dev.driftwatch.scan.ScanStatus;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * While Kafka is down, scans still store findings; when it is back, every event is published once. The
 * scan runs in process here: with Kafka down, scan requests wait in the outbox too (that path is what
 * the other tests exercise).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class OutboxIT {

    private static final String REGION = "us-east-1";

    @Inject
    EntityManager em;
    @Inject
    ScanRuns runs;
    @Inject
    ScanService scans;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndArriveOnceWhenItIsBack() {
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            ec2.createSecurityGroup(r -> r.groupName("stray-1").description("made by hand"));
            ec2.createSecurityGroup(r -> r.groupName("stray-2").description("made by hand"));
        }
        List<String> fingerprints;
        long beforeTheScan = System.currentTimeMillis(); // the relay's producer stamps events when it first tries
        KafkaBroker.stopBroker();
        try {
            long scanId = runs.queue(new ScanTarget(Moto.ACCOUNT, REGION), "test").id();
            scans.run(scanId);
            assertThat(runs.byId(scanId).orElseThrow().status()).isEqualTo(ScanStatus.COMPLETE);
            fingerprints = given().queryParam("status", "OPEN").get("/api/findings")
                    .then().statusCode(200).extract().jsonPath().getList("fingerprint", String.class);
            assertThat(fingerprints).hasSize(2);
            // The relay has tried and failed by now; the events wait in the outbox.
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(unpublished(fingerprints)).isEqualTo(2));
        } finally {
            KafkaBroker.startBroker();
        }

        try (FindingEventLog events = new FindingEventLog(beforeTheScan)) {
            events.await(fingerprints, 2);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(fingerprints) == 0);
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(events.eventsFor(fingerprints))
                    .extracting(e -> e.type() + " " + e.key())
                    .containsExactlyInAnyOrder("finding.opened " + fingerprints.get(0), "finding.opened " + fingerprints.get(1));
        }
    }

    private long unpublished(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em
                .createQuery("select count(o) from OutboxEventEntity o where o.publishedAt is null and o.messageKey in :keys")
                .setParameter("keys", keys)
                .getSingleResult());
    }
}
