package dev.driftwatch.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sweeps through the API, as an operator asks for them and reads their reports. */
public final class Sweeps {

    private static final Set<String> AT_REST = Set.of("REFUSED", "PLANNED", "CAPPED", "COMPLETED", "FAILED");

    private Sweeps() {}

    /** POST /api/sweeps; the queued sweep's id. */
    public static long request(String account, boolean dryRun) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("account", account, "dryRun", dryRun))
                .post("/api/sweeps")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Waits until the sweep is at rest (ended, or waiting for an approver); its report. */
    public static JsonPath awaitAtRest(long id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> AT_REST.contains(report(id).getString("sweep.status")));
        return report(id);
    }

    public static JsonPath report(long id) {
        return given().get("/api/sweeps/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The report's item of one resource. */
    public static Map<String, Object> item(JsonPath report, String type, String resourceId) {
        List<Map<String, Object>> items = report.getList("items");
        return items.stream()
                .filter(i -> type.equals(i.get("type")) && resourceId.equals(i.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the report has no " + type + " " + resourceId + ": " + items));
    }
}
