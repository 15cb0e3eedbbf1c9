package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.GitHubIssues;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.SecondInstance;
import dev.driftwatch.testsupport.Sql;
import dev.driftwatch.testsupport.TicketReplicaProfile;
import dev.driftwatch.testsupport.TicketedFindings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tickets worked by replicas that are processes of their own, sharing the test's PostgreSQL and Kafka, against
 * GitHub issues kept in memory ({@link GitHubIssues}): two replicas, every finding event delivered twice and every
 * create answered too late, still open one issue per finding; actions queued while GitHub was down outlive the
 * replica that queued them (killed) and are done once by the next one. The replicas share one consumer group, so
 * an event one test published may come again in the next (an offset not committed when its replica stopped): the
 * tests look only at their own findings.
 */
@QuarkusTest
@TestProfile(TicketReplicaProfile.class)
@WithTestResource(KafkaBroker.class)
class TicketReplicasIT {

    private static final String ACCOUNT = "123456789012";

    private GitHubIssues github;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        github = new GitHubIssues();
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    @Test
    void twoReplicasOpenOneIssuePerFindingThoughEveryEventComesTwiceAndEveryCreateIsAnsweredTooLate() throws Exception {
        // the replicas give up on a call after 2 s (request-timeout): each create succeeds in GitHub unanswered
        github.slowCreates(Duration.ofSeconds(3));
        List<FindingView> findings = IntStream.range(0, 6)
                .mapToObj(i -> TicketedFindings.open(ACCOUNT, "sg-0replicas" + i, "medium", "has 1 ingress rule"))
                .toList();
        try (SecondInstance first = replica("first");
                SecondInstance second = replica("second")) {
            for (FindingView finding : findings) {
                publishTwice(finding);
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> findings.stream()
                    .allMatch(f -> actions(f).equals(List.of(List.of("CREATE", "DONE")))));
            for (FindingView finding : findings) {
                assertThat(github.labelled(marker(finding)))
                        .as("issues of " + finding.resourceId())
                        .hasSize(1);
                assertThat(github.createsOf(marker(finding)))
                        .as("creates of " + finding.resourceId() + ": the one answered too late, none after")
                        .isEqualTo(1);
            }
            String metricsOfBoth = first.metrics() + second.metrics();
            assertThat(creates(metricsOfBoth, "retried"))
                    .as("every create timed out once, then was found by its label")
                    .isGreaterThanOrEqualTo(findings.size());
            assertThat(creates(metricsOfBoth, "done")).isGreaterThanOrEqualTo(findings.size());
            assertThat(List.of(first.metrics(), second.metrics()))
                    .as("both replicas worked the queue")
                    .allMatch(m -> creates(m, "retried") + creates(m, "done") > 0);
        }
    }

    @Test
    void actionsQueuedWhileGitHubIsDownOutliveTheReplicaThatQueuedThemAndAreDoneOnceByTheNext() throws Exception {
        github.down();
        FindingView opened = TicketedFindings.open(ACCOUNT, "sg-0restart1", "medium", "has 1 ingress rule");
        FindingView changed = TicketedFindings.next(opened, FindingStatus.OPEN, "has 2 ingress rules");
        FindingView resolved = TicketedFindings.next(changed, FindingStatus.RESOLVED, "has 2 ingress rules");
        FindingView other = TicketedFindings.open(ACCOUNT, "sg-0restart2", "medium", "has 1 ingress rule");
        try (SecondInstance first = replica("before-restart")) {
            publish(opened, other);
            publish(changed);
            publish(resolved);
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            actions(opened).size() == 4 && creatingTriedTwice(opened) && creatingTriedTwice(other));
            await().atMost(Duration.ofSeconds(10)).until(() -> oldestPendingSeconds(first.metrics()) >= 1);
            first.process().destroyForcibly().waitFor(); // a crash: no shutdown hook runs
        }
        assertThat(actions(opened))
                .as("every action waits, in order, behind the create")
                .containsExactly(
                        List.of("CREATE", "PENDING"),
                        List.of("COMMENT", "PENDING"),
                        List.of("COMMENT", "PENDING"),
                        List.of("CLOSE", "PENDING"));
        assertThat(github.issues()).isEmpty();

        github.up();
        try (SecondInstance next = replica("after-restart")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Stream.of(opened, other)
                    .allMatch(f -> actions(f).stream().allMatch(a -> "DONE".equals(a.get(1)))));
            await().atMost(Duration.ofSeconds(10)).until(() -> oldestPendingSeconds(next.metrics()) == 0);
        }
        assertThat(actions(opened)).hasSize(4);
        assertThat(actions(other)).containsExactly(List.of("CREATE", "DONE"));
        assertThat(github.labelled(marker(opened))).singleElement().satisfies(issue -> {
            assertThat(issue.state()).isEqualTo("closed");
            assertThat(issue.comments()).as("the change and the resolution").isEqualTo(2);
        });
        assertThat(github.labelled(marker(other))).singleElement().satisfies(issue -> assertThat(issue.state())
                .isEqualTo("open"));
        assertThat(List.of(github.createsOf(marker(opened)), github.createsOf(marker(other))))
                .as("creates that reached GitHub, of each finding")
                .containsExactly(1L, 1L);
    }

    private SecondInstance replica(String name) throws Exception {
        return SecondInstance.start(
                TicketReplicaProfile.replica(name, github.url()), Path.of("target/ticket-replica-" + name + ".log"));
    }

    private static void publish(FindingView... findings) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (FindingView finding : findings) {
            records.add(record(finding));
        }
        try (KafkaCompanion kafka = KafkaBroker.companion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
    }

    /** The same event twice, as Kafka redelivers one whose offset was not committed. */
    private static void publishTwice(FindingView finding) {
        ProducerRecord<String, String> record = record(finding);
        try (KafkaCompanion kafka = KafkaBroker.companion()) {
            kafka.produceStrings().fromRecords(record, record).awaitCompletion();
        }
    }

    private static ProducerRecord<String, String> record(FindingView finding) {
        FindingEvent.Change change =
                switch (finding.status()) {
                    case RESOLVED -> FindingEvent.Change.RESOLVED;
                    default -> finding.version() == 1 ? FindingEvent.Change.OPENED : FindingEvent.Change.UPDATED;
                };
        String event =
                EventCodec.standalone().write(new FindingEvent(change, finding), UUID.randomUUID(), Instant.now());
        return new ProducerRecord<>(FindingEvent.TOPIC, finding.fingerprint(), event);
    }

    private static String marker(FindingView finding) {
        return "driftwatch-" + finding.fingerprint().substring(0, 12);
    }

    private static List<List<Object>> actions(FindingView finding) {
        return Sql.rows(
                Sql.testDatabase(),
                "select action, status from ticket_action where fingerprint = ? order by id",
                finding.fingerprint());
    }

    private static boolean creatingTriedTwice(FindingView finding) {
        return !Sql.rows(
                        Sql.testDatabase(),
                        "select 1 from ticket_action where fingerprint = ? and action = 'CREATE' and attempts >= 2",
                        finding.fingerprint())
                .isEmpty();
    }

    /** {@code driftwatch_ticket_oldest_pending_seconds}: how long GitHub has kept the oldest action waiting. */
    private static double oldestPendingSeconds(String metrics) {
        Matcher m = Pattern.compile("driftwatch_ticket_oldest_pending_seconds\\{sink=\"github\"} (\\S+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** {@code driftwatch_ticket_actions_total} of GitHub creates with this outcome, summed over the replicas given. */
    private static double creates(String metrics, String outcome) {
        Matcher m = Pattern.compile("driftwatch_ticket_actions_total\\{action=\"create\",outcome=\"" + outcome
                        + "\",sink=\"github\"} (\\S+)")
                .matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
