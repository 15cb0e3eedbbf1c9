package dev.driftwatch.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoFront;
import dev.driftwatch.testsupport.MultiAccountProfile;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecondInstance;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas on one database and one broker share a round of scans, and no target is scanned twice. */
@QuarkusTest
@TestProfile(MultiAccountProfile.class)
@WithTestResource(KafkaBroker.class)
class ScanSharingIT {

    private static final Pattern SCAN_COUNT =
            Pattern.compile("(?m)^driftwatch_scan_duration_seconds_count\\{[^}]*} ([0-9.]+)$");

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void twoReplicasShareOneRound() throws Exception {
        try (SecondInstance second = SecondInstance.start(secondInstanceConfig())) {
            awaitConsumers(2);
            double scansHereBefore = scansRun(Management.get("/q/metrics").asString());

            List<JsonPath> round =
                    Scans.request().stream().map(Scans::awaitFinished).toList();

            Map<String, Integer> byTarget = new HashMap<>();
            Map<String, Integer> byInstance = new HashMap<>();
            for (JsonPath scan : round) {
                byTarget.merge(scan.getString("account") + "/" + scan.getString("region"), 1, Integer::sum);
                byInstance.merge(scan.getString("scannedBy"), 1, Integer::sum);
            }
            assertThat(byTarget)
                    .hasSize(9)
                    .allSatisfy((target, times) -> assertThat(times).as(target).isOne());
            assertThat(byInstance).as("scans per replica").hasSize(2).containsKey("second");
            double scansHere = scansRun(Management.get("/q/metrics").asString()) - scansHereBefore;
            assertThat(scansHere + scansRun(second.metrics()))
                    .as("scans run by both replicas together")
                    .isEqualTo(9);
        }
    }

    private static Map<String, String> secondInstanceConfig() {
        Map<String, String> config = new HashMap<>(new MultiAccountProfile().getConfigOverrides());
        config.put("driftwatch.scan.instance-id", "second");
        config.put(
                "quarkus.datasource.jdbc.url",
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        config.put("kafka.bootstrap.servers", KafkaBroker.bootstrapServers());
        config.put("driftwatch.aws.endpoint-override", Moto.URL);
        config.put("driftwatch.aws.service-endpoints.sts", MotoFront.url("sts"));
        config.put("driftwatch.scan.interval", "24h");
        config.put("driftwatch.scan.initial-delay", "24h");
        config.put("driftwatch.baseline.terraform.paths", "target/it-states/**.tfstate");
        config.put("aws.accessKeyId", "test");
        config.put("aws.secretAccessKey", "test");
        return config;
    }

    /** Waits until both replicas are in the scanners' consumer group and partitions are assigned. */
    private static void awaitConsumers(int members) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                var group = admin.describeConsumerGroups(List.of("driftwatch-scanners"))
                        .all()
                        .get()
                        .get("driftwatch-scanners");
                return group.members().size() == members
                        && group.members().stream()
                                .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static double scansRun(String metrics) {
        double total = 0;
        Matcher m = SCAN_COUNT.matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
