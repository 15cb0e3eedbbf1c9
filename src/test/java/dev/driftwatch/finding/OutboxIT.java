package dev.driftwatch.finding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** While Kafka is down, scans still store findings; when it is back, every event is published once. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class OutboxIT {

    private static final String REGION = "us-east-1";

    @Inject
    EntityManager em;

    @BeforeEach
    void cleanSlate() {
        Moto.reset();
        TerraformStates.clear();
        Database.clear(em);
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndArriveOnceWhenItIsBack() {
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            ec2.createSecurityGroup(r -> r.groupName("stray-1").description("made by hand"));
            ec2.createSecurityGroup(r -> r.groupName("stray-2").description("made by hand"));
        }
        List<String> fingerprints;
        KafkaBroker.stopBroker();
        try {
            JsonPath scan = Scans.scanAndWait(REGION);
            assertThat(scan.getString("status")).isEqualTo("COMPLETE");
            fingerprints = given().queryParam("status", "OPEN").get("/api/findings")
                    .then().statusCode(200).extract().jsonPath().getList("fingerprint", String.class);
            assertThat(fingerprints).hasSize(2);
            // The relay has tried and failed by now; the events wait in the outbox.
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(unpublished(fingerprints)).isEqualTo(2));
        } finally {
            KafkaBroker.startBroker();
        }

        try (FindingEventLog events = new FindingEventLog()) {
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
