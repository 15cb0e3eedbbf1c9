package dev.driftwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * One account and region is never scanned twice at once, nor queued twice: a request (or a scan round, as
 * when rounds piled up during an outage) for a target whose scan waits or runs answers with that scan.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ScanExclusionIT {

    private static final String REGION = "us-east-1";

    @Inject
    EntityManager em;

    @Inject
    ScanRoundJob round;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void requestsAndRoundsForATargetWhoseScanWaitsOrRunsAnswerWithThatScan() {
        // Enough groups that a scan takes a while, so the requests below come while it waits or runs.
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            for (int i = 0; i < 300; i++) {
                String name = "group-" + i;
                ec2.createSecurityGroup(r -> r.groupName(name).description("load"));
            }
        }

        List<Long> ids = Stream.of(REGION, REGION, REGION)
                .parallel()
                .map(r -> Scans.request(r).get(0))
                .toList();
        round.execute(null);
        round.execute(null);
        long again = Scans.request(REGION).get(0);
        JsonPath scan = Scans.awaitFinished(ids.get(0));

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(again).isEqualTo(ids.get(0));
        assertThat(scan.getString("status")).isEqualTo("COMPLETE");
        // 300 groups, the VPC's default group, and the default VPC's other pieces
        assertThat(scan.getInt("resourcesScanned")).isGreaterThan(300);
        assertThat(scansOf(REGION)).as("scans of " + REGION).isOne();

        // once it is done, the next request is a scan of its own
        long next = Scans.request(REGION).get(0);
        assertThat(next).isNotEqualTo(ids.get(0));
        assertThat(Scans.awaitFinished(next).getString("status")).isEqualTo("COMPLETE");
    }

    @Test
    void aScanLeftRunningByAReplicaThatIsGoneDoesNotBlockItsTarget() {
        long orphan = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "insert into scan_run"
                                        + " (account, region, trigger_source, status, requested_at, started_at, scanned_by)"
                                        + " values (:account, :region, 'api', 'RUNNING', :at, :at, 'replica-gone') returning id")
                        .setParameter("account", Moto.ACCOUNT)
                        .setParameter("region", REGION)
                        .setParameter("at", Instant.now())
                        .getSingleResult())
                .longValue());

        long id = Scans.request(REGION).get(0);

        assertThat(id).isNotEqualTo(orphan);
        assertThat(Scans.awaitFinished(id).getString("status")).isEqualTo("COMPLETE");
        JsonPath failed = given().get("/api/scans/" + orphan)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("problems[0].reason"))
                .isEqualTo("replica replica-gone stopped answering during the scan");
    }

    private long scansOf(String region) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from scan_run where region = :region")
                                .setParameter("region", region)
                                .getSingleResult())
                        .longValue());
    }
}
