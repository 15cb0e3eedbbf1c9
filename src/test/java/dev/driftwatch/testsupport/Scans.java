package dev.driftwatch.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;

/** Drives scans through the REST API, as a user or a pipeline would. */
public final class Scans {

    private Scans() {}

    /** Requests a scan of the region and waits until it has finished; returns the scan as the API shows it. */
    public static JsonPath scanAndWait(String region) {
        long id = request(region).get(0);
        return awaitFinished(id);
    }

    /** Requests scans of the given regions of every account (all configured targets when none is given). */
    public static List<Long> request(String... regions) {
        var spec = given();
        for (String region : regions) {
            spec = spec.queryParam("region", region);
        }
        return queued(spec);
    }

    /** Requests scans of every target (regions and global) of one account. */
    public static List<Long> requestIn(String account) {
        return queued(given().queryParam("account", account));
    }

    /** POST /api/scans as the spec says; the ids of the scans it queued (or that were queued already). */
    private static List<Long> queued(RequestSpecification spec) {
        return spec.when()
                .post("/api/scans")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getList("id", Long.class);
    }

    public static JsonPath awaitFinished(long id) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String status = given().get("/api/scans/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("status");
                    return !"QUEUED".equals(status) && !"RUNNING".equals(status);
                });
        return given().get("/api/scans/" + id).then().extract().jsonPath();
    }
}
