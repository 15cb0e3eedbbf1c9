package dev.driftwatch.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.FenceDatabase;
import dev.driftwatch.testsupport.FencedService;
import dev.driftwatch.testsupport.HeldEc2;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.SecondInstance;
import dev.driftwatch.testsupport.Sql;
import dev.driftwatch.testsupport.StandaloneKafka;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Two replicas of the packaged service on one database: {@code kill -9} of the one running a scan of a large
 * target, in the middle of reading EC2. The other replica takes the scan over within the replica timeout and
 * finishes it; the run history says so, and the findings are those of an uninterrupted scan, none lost or
 * doubled. On the restartable database (FenceDatabase): no service of the test JVM may claim the scan there.
 */
class ReplicaKillIT {

    private static final String REGION = "us-east-1";
    /** With their rules and the default VPC's pieces, some 800 resources: seconds of scanning. */
    private static final int STRAY_GROUPS = 250;

    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(3);
    /** From the kill until the other replica runs the scan: the replica timeout, a poll, and a loaded machine. */
    private static final Duration TAKEOVER_BOUND = REPLICA_TIMEOUT.plusSeconds(27);

    private static final Duration SCAN_BOUND = Duration.ofSeconds(120);

    private final HeldEc2 ec2Front = new HeldEc2();
    private StandaloneKafka kafka;
    private Map<String, String> config;

    @BeforeEach
    void start() throws Exception {
        kafka = new StandaloneKafka();
        config = FencedService.onACleanSlate(kafka, ec2Front);
        config.put("driftwatch.scan.poll-interval", "1s");
        config.put("driftwatch.scan.replica-timeout", REPLICA_TIMEOUT.toSeconds() + "s");
    }

    @AfterEach
    void stop() {
        HeldEc2.release();
        ec2Front.stop();
        kafka.close();
    }

    @Test
    void theScanOfAKilledReplicaIsFinishedByTheOtherWithNoFindingLostOrDoubled() throws Exception {
        try (Replicas started = new Replicas(List.of(replica("replica-a"), replica("replica-b")))) {
            Set<String> strays = seedStrayGroups(); // while the replicas start
            SecondInstance a = started.get(0);
            Map<String, SecondInstance> replicas = Map.of("replica-a", a, "replica-b", started.get(1));
            HeldEc2.holdNext();
            long first = FencedService.requestScan(a);
            HeldEc2.awaitHolding(); // the scan is reading EC2, on one of the two
            List<Object> run = Sql.rows(
                            FenceDatabase.URL, "select status, scanned_by from scan_run where id = ?", first)
                    .get(0);
            assertThat(run.get(0)).isEqualTo("RUNNING");
            String killed = (String) run.get(1);
            String survivor = killed.equals("replica-a") ? "replica-b" : "replica-a";

            replicas.get(killed).process().destroyForcibly(); // SIGKILL: no shutdown hook, no last word
            assertThat(replicas.get(killed).process().waitFor(10, TimeUnit.SECONDS))
                    .isTrue();
            long killedAt = System.nanoTime();
            HeldEc2.release();

            SecondInstance other = replicas.get(survivor);
            long retryId = await().atMost(TAKEOVER_BOUND)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(
                            () -> retryOf(other, first),
                            scan -> scan.isPresent()
                                    && !"QUEUED".equals(scan.get().getString("status")))
                    .orElseThrow()
                    .getLong("id");
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            JsonPath retry = await().atMost(SCAN_BOUND)
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(
                            () -> new JsonPath(
                                    other.get("/api/scans/" + retryId).body()),
                            scan -> isFinished(scan.getString("status")));

            // the history: the killed run failed with the reason, a second attempt by the survivor finished it
            JsonPath failed = new JsonPath(other.get("/api/scans/" + first).body());
            assertThat(failed.getString("status")).isEqualTo("FAILED");
            assertThat(failed.getInt("attempt")).isOne();
            assertThat(failed.getString("scannedBy")).isEqualTo(killed);
            assertThat(failed.getList("problems.reason", String.class))
                    .containsExactly("replica " + killed + " stopped answering during the scan");
            assertThat(retry.getString("status")).isEqualTo("COMPLETE");
            assertThat(retry.getInt("attempt")).isEqualTo(2);
            assertThat(retry.getString("scannedBy")).isEqualTo(survivor);
            assertThat(retry.getInt("resourcesScanned")).isGreaterThan(STRAY_GROUPS);
            assertThat(takeover)
                    .as("from the kill until the other replica runs the scan")
                    .isLessThan(TAKEOVER_BOUND);
            assertThat(Sql.rows(FenceDatabase.URL, "select id from scan_run where status in ('QUEUED', 'RUNNING')"))
                    .isEmpty();

            Map<String, Long> afterTakeover = findingsByFingerprint();
            assertThat(findingsPerGroup())
                    .as("one finding per stray group")
                    .containsAllEntriesOf(strays.stream().collect(Collectors.toMap(group -> group, group -> 1L)));
            assertThat(eventsPerFinding())
                    .as("events per finding: one opening each")
                    .hasSize(afterTakeover.size())
                    .allSatisfy((fingerprint, events) ->
                            assertThat(events).as(fingerprint).isOne());

            // an uninterrupted scan of the same cloud finds exactly the same
            JsonPath again = FencedService.awaitFinished(other, FencedService.requestScan(other));
            assertThat(again.getString("status")).isEqualTo("COMPLETE");
            assertThat(again.getInt("findingsOpened")
                            + again.getInt("findingsUpdated")
                            + again.getInt("findingsResolved"))
                    .as("changes found by an uninterrupted scan")
                    .isZero();
            assertThat(findingsByFingerprint()).isEqualTo(afterTakeover);
        }
    }

    private CompletableFuture<SecondInstance> replica(String name) {
        Map<String, String> own = new HashMap<>(config);
        own.put("driftwatch.scan.instance-id", name);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SecondInstance.start(own, Path.of("target/replica-kill-" + name + ".log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Replicas started side by side; all of them stopped at the end, also when one could not start. */
    private record Replicas(List<CompletableFuture<SecondInstance>> starting) implements AutoCloseable {

        SecondInstance get(int i) {
            return starting.get(i).join();
        }

        @Override
        public void close() throws Exception {
            for (CompletableFuture<SecondInstance> replica : starting) {
                SecondInstance started = replica.exceptionally(e -> null).join();
                if (started != null) {
                    started.close();
                }
            }
        }
    }

    /** Security groups made by hand, each an unmanaged finding: enough that reading EC2 is real work. */
    private static Set<String> seedStrayGroups() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            List<CompletableFuture<String>> created = IntStream.range(0, STRAY_GROUPS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> ec2.createSecurityGroup(
                                            r -> r.groupName("stray-" + i).description("by hand"))
                                    .groupId(),
                            pool))
                    .toList();
            return created.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Long> findingsByFingerprint() {
        return counts("select fingerprint, version from finding where status = 'OPEN'");
    }

    private static Map<String, Long> findingsPerGroup() {
        return counts("select resource_id, count(*) from finding where resource_type = 'aws_security_group'"
                + " group by resource_id");
    }

    private static Map<String, Long> eventsPerFinding() {
        return counts("select message_key, count(*) from outbox_event"
                + " where message_key in (select fingerprint from finding) group by message_key");
    }

    private static Map<String, Long> counts(String sql) {
        return Sql.rows(FenceDatabase.URL, sql).stream()
                .collect(Collectors.toMap(r -> ((String) r.get(0)).strip(), r -> ((Number) r.get(1)).longValue()));
    }

    /** The run that took over from this one, as the replica's API lists it. */
    private static Optional<JsonPath> retryOf(SecondInstance replica, long scan) throws Exception {
        String body = replica.get("/api/scans").body();
        List<Object> retryOf = new JsonPath(body).getList("retryOf");
        return IntStream.range(0, retryOf.size())
                .filter(i -> retryOf.get(i) instanceof Number n && n.longValue() == scan)
                .mapToObj(i -> new JsonPath(body).setRootPath("[" + i + "]"))
                .findFirst();
    }

    private static boolean isFinished(String status) {
        return !"QUEUED".equals(status) && !"RUNNING".equals(status);
    }
}
