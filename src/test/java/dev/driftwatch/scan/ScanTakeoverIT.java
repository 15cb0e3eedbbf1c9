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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan left RUNNING by a replica that is gone is FAILED with the reason and taken over by a new run that
 * points at it, until driftwatch.scan.max-attempts (3) runs have been tried.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ScanTakeoverIT {

    private static final String REGION = "us-east-1";

    @Inject
    EntityManager em;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void anOrphanedScanIsRunAgainAsItsNextAttempt() {
        long orphan = orphan(1);

        long id = Scans.request(REGION).get(0);

        assertThat(id).as("the request answers with the run taking over").isNotEqualTo(orphan);
        JsonPath retry = Scans.awaitFinished(id);
        assertThat(retry.getString("status")).isEqualTo("COMPLETE");
        assertThat(retry.getLong("retryOf")).isEqualTo(orphan);
        assertThat(retry.getInt("attempt")).isEqualTo(2);
        assertThat(retry.getString("trigger")).as("the orphan's").isEqualTo("schedule");
        JsonPath failed = scan(orphan);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getList("problems.reason"))
                .containsExactly("replica replica-gone stopped answering during the scan");
        assertThat(failed.getString("finishedAt")).isNotNull();
    }

    @Test
    void anOrphanedLastAttemptStaysFailedAndSaysWhy() {
        long orphan = orphan(3);

        long id = Scans.request(REGION).get(0);

        JsonPath fresh = Scans.awaitFinished(id);
        assertThat(fresh.getString("status")).isEqualTo("COMPLETE");
        assertThat(fresh.getInt("attempt")).as("a new request, not a retry").isOne();
        assertThat(fresh.getString("retryOf")).isNull();
        assertThat(fresh.getString("trigger")).isEqualTo("api");
        JsonPath failed = scan(orphan);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getList("problems.reason"))
                .containsExactly(
                        "replica replica-gone stopped answering during the scan",
                        "not retried: 3 of 3 attempts made (driftwatch.scan.max-attempts)");
        assertThat(retries(orphan)).isZero();
    }

    private long orphan(int attempt) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into scan_run"
                                + " (account, region, trigger_source, status, requested_at, started_at, scanned_by, attempt)"
                                + " values (:account, :region, 'schedule', 'RUNNING', :at, :at, 'replica-gone', :attempt)"
                                + " returning id")
                        .setParameter("account", Moto.ACCOUNT)
                        .setParameter("region", REGION)
                        .setParameter("at", Instant.now())
                        .setParameter("attempt", attempt)
                        .getSingleResult())
                .longValue());
    }

    private long retries(long scan) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from scan_run where retry_of = :scan")
                                .setParameter("scan", scan)
                                .getSingleResult())
                        .longValue());
    }

    private static JsonPath scan(long id) {
        return given().get("/api/scans/" + id).then().statusCode(200).extract().jsonPath();
    }
}
