package dev.driftwatch.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.OpenSsh;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.RemediatorReplica;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecondInstance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Never twice, with two replicas remediating at once and every finding event delivered again: each of 50
 * world-open groups is revoked exactly once.
 */
@QuarkusTest
@TestProfile(RemediationProfile.class)
@WithTestResource(KafkaBroker.class)
class TwoRemediatorsIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "sg-ssh-open-to-world";
    private static final int GROUPS = 50;
    /** driftwatch.findings as the test broker auto-creates it: one partition. */
    private static final TopicPartition FINDINGS = new TopicPartition(FindingEvent.TOPIC, 0);

    private static final Pattern REVOKES = Pattern.compile(
            "(?m)^driftwatch_aws_requests_total\\{[^}]*operation=\"RevokeSecurityGroupIngress\"[^}]*} ([0-9.]+)$");

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void twoReplicasAndRedeliveredEventsFixEachOfFiftyGroupsOnce() throws Exception {
        List<String> groups =
                IntStream.range(0, GROUPS).mapToObj(i -> OpenSsh.group(ec2)).toList();
        double revokesHereBefore = revokes(Management.metrics());
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, OpenSsh.AUTO);
                SecondInstance second = SecondInstance.start(
                        RemediatorReplica.config("second"), Path.of("target/remediator-second.log"));
                KafkaCompanion kafka = KafkaBroker.companion()) {
            Scans.scanAndWait(REGION);
            List<Long> findings = groups.stream()
                    .map(g -> RemediationsApi.findingOf(POLICY, g))
                    .toList();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> findings.stream()
                            .allMatch(f -> !RemediationsApi.of(f).isEmpty()
                                    && "VERIFIED"
                                            .equals(RemediationsApi.of(f).get(0).get("status"))));

            // every finding event of these groups once more, as after a rebalance or a replay from the start
            Set<String> fingerprints = findings.stream()
                    .map(f -> (String) RemediationsApi.of(f).get(0).get("fingerprint"))
                    .collect(Collectors.toSet());
            List<ConsumerRecord<String, String>> events = kafka
                    .consumeStrings()
                    .fromTopics(FindingEvent.TOPIC, endOffset(kafka))
                    .awaitCompletion()
                    .getRecords()
                    .stream()
                    .filter(e -> fingerprints.contains(e.key()))
                    .toList();
            assertThat(events).hasSize(GROUPS);
            kafka.produceStrings()
                    .fromRecords(events.stream()
                            .map(e -> new ProducerRecord<>(FindingEvent.TOPIC, e.key(), e.value()))
                            .toList())
                    .awaitCompletion();
            awaitConsumed(kafka);

            for (long finding : findings) {
                List<Map<String, Object>> decided = RemediationsApi.of(finding);
                assertThat(decided).as("finding %d", finding).hasSize(1);
                assertThat(decided.get(0)).containsEntry("status", "VERIFIED");
            }
            double revokesHere = revokes(Management.metrics()) - revokesHereBefore;
            double revokesThere = revokes(second.metrics());
            assertThat(revokesHere + revokesThere).as("writes by both replicas").isEqualTo(GROUPS);
            assertThat(revokesThere).as("the second replica took its share").isPositive();
        }
    }

    /** Until the remediators' group has committed every finding event (the redelivered ones too). */
    private static void awaitConsumed(KafkaCompanion kafka) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            OffsetAndMetadata at = kafka.consumerGroups().offsets("driftwatch-remediators", FINDINGS);
            return at != null && at.offset() == endOffset(kafka);
        });
    }

    private static long endOffset(KafkaCompanion kafka) {
        return kafka.offsets().get(FINDINGS, OffsetSpec.latest()).offset();
    }

    private static double revokes(String metrics) {
        double total = 0;
        Matcher m = REVOKES.matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
