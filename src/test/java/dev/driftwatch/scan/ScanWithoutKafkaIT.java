package dev.driftwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Detection does not stop with Kafka: a scan requested while the broker is down runs (replicas take scans
 * from PostgreSQL), its findings are in the API during the outage, and only their events wait in the
 * outbox, never parked however often sending fails, and arrive once each when Kafka is back.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ScanWithoutKafkaIT {

    private static final String REGION = "us-east-1";
    /** {@code %test.driftwatch.outbox.max-attempts}: the outage lasts for more failed sends than this */
    private static final int MAX_ATTEMPTS = 2;

    private static final Pattern OLDEST_AGE =
            Pattern.compile("(?m)^driftwatch_outbox_oldest_pending_age_seconds ([0-9.E]+)$");

    @Inject
    EntityManager em;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void findingsAreDetectedAndStoredWhileKafkaIsDownAndTheirEventsArriveOnceAfterIt() {
        List<String> fingerprints;
        long beforeTheOutage = System.currentTimeMillis(); // the relay's producer stamps events when it first tries
        KafkaBroker.stopBroker();
        try {
            try (Ec2Client ec2 = Moto.ec2(REGION)) {
                ec2.createSecurityGroup(r -> r.groupName("stray-1").description("made by hand during the outage"));
                ec2.createSecurityGroup(r -> r.groupName("stray-2").description("made by hand during the outage"));
            }

            JsonPath scan = Scans.scanAndWait(REGION);

            assertThat(scan.getString("status")).isEqualTo("COMPLETE");
            fingerprints = given().queryParam("status", "OPEN")
                    .get("/api/findings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("fingerprint", String.class);
            assertThat(fingerprints).hasSize(2);
            // Sending fails more often than max-attempts (the request's wake-up was tried first)...
            Awaitility.await()
                    .atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() ->
                            number("select coalesce(max(attempts), 0) from outbox_event where published_at is null")
                                    > MAX_ATTEMPTS);
            // ...and waits: an outage is no reason to park an event. What waits: the two findings, the scan's
            // wake-up, and the audit entry of the POST /api/scans that asked for it.
            assertThat(waitingEvents())
                    .containsExactlyInAnyOrder("finding.opened", "finding.opened", "scan.requested", "audit.recorded");
            assertThat(number("select count(*) from outbox_event where dead_at is not null or failures > 0"))
                    .isZero();
            // ...as the gauges for alerts say
            String metrics = Management.get("/q/metrics").asString();
            assertThat(metrics)
                    .contains("\ndriftwatch_outbox_pending_events 4.0\n", "\ndriftwatch_outbox_dead_events 0.0\n");
            Matcher age = OLDEST_AGE.matcher(metrics);
            assertThat(age.find())
                    .as("driftwatch_outbox_oldest_pending_age_seconds")
                    .isTrue();
            assertThat(Double.parseDouble(age.group(1))).isGreaterThan(30);
        } finally {
            KafkaBroker.startBroker();
        }

        try (FindingEventLog events = new FindingEventLog(beforeTheOutage)) {
            events.await(fingerprints, 2);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> number("select count(*) from outbox_event where published_at is null") == 0);
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(events.eventsFor(fingerprints))
                    .extracting(e -> e.type() + " " + e.key())
                    .containsExactlyInAnyOrder(
                            "finding.opened " + fingerprints.get(0), "finding.opened " + fingerprints.get(1));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> waitingEvents() {
        return QuarkusTransaction.requiringNew()
                .call(() -> (List<String>)
                        em.createNativeQuery("select event_type from outbox_event where published_at is null")
                                .getResultList());
    }

    private long number(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
