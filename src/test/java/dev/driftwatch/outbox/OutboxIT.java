package dev.driftwatch.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on a real broker: an event Kafka refuses for good is parked without holding up other keys, the
 * events of its own key wait behind it, and published events are kept for the retention period only. (What
 * a Kafka outage does to scans and their events: scan/ScanWithoutKafkaIT.)
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class OutboxIT {

    private static final String TOPIC = "driftwatch.findings";
    /** {@code %test.driftwatch.outbox.max-attempts} */
    private static final int MAX_ATTEMPTS = 2;

    /** An event on the findings topic as far as the relay cares: a key, a type and some data. */
    private record Sample(String key, String type, Record data) implements DriftwatchEvent {

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String schemaVersion() {
            return "1";
        }
    }

    private record Blob(String blob) {}

    private record Numbered(int n) {}

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxPruner pruner;

    @Inject
    TestClock clock;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void anEventKafkaRefusesIsParkedWhileOtherKeysFlowAndLaterEventsOfItsKeyWaitBehindIt() {
        String stuck = key("stuck");
        String first = key("first");
        String second = key("second");
        try (FindingEventLog events = new FindingEventLog()) {
            QuarkusTransaction.requiringNew().run(() -> {
                // over the producer's max.request.size (1 MB): Kafka refuses it however often it is sent
                outbox.enqueue(new Sample(stuck, "finding.opened", new Blob("x".repeat(2_000_000))));
                outbox.enqueue(new Sample(first, "finding.opened", new Numbered(1)));
                outbox.enqueue(new Sample(stuck, "finding.updated", new Numbered(2)));
                outbox.enqueue(new Sample(second, "finding.opened", new Numbered(3)));
            });
            relay.nudge();

            assertThat(events.await(List.of(first, second), 2))
                    .extracting(FindingEventLog.Event::key)
                    .containsExactlyInAnyOrder(first, second);
            JsonPath dead = awaitDead(stuck, MAX_ATTEMPTS);
            assertThat(dead.getString("[0].type")).isEqualTo("finding.opened");
            assertThat(dead.getString("[0].lastError")).startsWith("RecordTooLargeException");
            long deadId = dead.getLong("[0].id");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Management.get("/q/metrics")
                    .asString()
                    .contains("\ndriftwatch_outbox_dead_events 1.0"));

            // the later event of its key is not sent past it
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(events.eventsFor(List.of(stuck))).isEmpty();
            assertThat(unpublished(stuck)).isEqualTo(2);

            // sent again on request: refused again, parked again after as many refusals
            given().post("/api/outbox/" + deadId + "/retry").then().statusCode(204);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> attempts(deadId) >= 2 * MAX_ATTEMPTS);
            awaitDead(stuck, MAX_ATTEMPTS);

            // dropped: the events of its key behind it move on
            given().delete("/api/outbox/" + deadId).then().statusCode(204);
            assertThat(events.await(List.of(stuck), 1))
                    .extracting(FindingEventLog.Event::type)
                    .containsExactly("finding.updated");
            given().delete("/api/outbox/" + deadId).then().statusCode(404);
            assertThat(given().get("/api/outbox/dead")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("id"))
                    .isEmpty();
        }
    }

    @Test
    void onlyPublishedEventsOlderThanTheRetentionAreDeleted() {
        Instant start = clock.instant();
        String publishedLongAgo = key("published-long-ago");
        String deadLongAgo = key("dead-long-ago");
        String publishedLately = key("published-lately");
        try {
            insert(publishedLongAgo, start, start, null);
            insert(deadLongAgo, start, null, start);
            clock.advance(Duration.ofDays(7).plusMinutes(1)); // driftwatch.outbox.retention: 7d
            insert(publishedLately, clock.instant(), clock.instant(), null);

            assertThat(pruner.prune()).isEqualTo(1);
        } finally {
            clock.reset();
        }
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> em.createQuery("select o.messageKey from OutboxEventEntity o", String.class)
                                .getResultList()))
                .containsExactlyInAnyOrder(deadLongAgo, publishedLately);
    }

    private static JsonPath awaitDead(String key, int failures) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath dead = given().get("/api/outbox/dead")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            return dead.getList("key").equals(List.of(key)) && dead.getInt("[0].failures") == failures;
        });
        return given().get("/api/outbox/dead").then().extract().jsonPath();
    }

    /** An event as the relay would have left it: published, or dead (an unpublished one would be sent now). */
    private void insert(String key, Instant created, Instant published, Instant dead) {
        String column = published != null ? "published_at" : "dead_at";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (topic, message_key,"
                        + " event_type, payload, created_at, " + column
                        + ") values (:topic, :key, 'finding.opened', '{}',"
                        + " :created, :at)")
                .setParameter("topic", TOPIC)
                .setParameter("key", key)
                .setParameter("created", created)
                .setParameter("at", published != null ? published : dead)
                .executeUpdate());
    }

    private long unpublished(String key) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(o) from OutboxEventEntity o where o.publishedAt is null and o.messageKey = :key",
                        Long.class)
                .setParameter("key", key)
                .getSingleResult());
    }

    private int attempts(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(OutboxEventEntity.class, id).attempts);
    }

    private static String key(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
