package dev.driftwatch.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The remediations of a finding as the API shows them. */
public final class RemediationsApi {

    private RemediationsApi() {}

    /** The finding's remediations, newest first. */
    public static List<Map<String, Object>> of(long findingId) {
        return given().queryParam("finding", findingId)
                .get("/api/remediations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    /** Waits until the finding's newest remediation has {@code status}; returns it with its timeline. */
    public static JsonPath awaitStatus(long findingId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<Map<String, Object>> all = of(findingId);
                    return !all.isEmpty() && status.equals(all.get(0).get("status"));
                });
        return detail(((Number) of(findingId).get(0).get("id")).longValue());
    }

    public static JsonPath detail(long remediationId) {
        return given().get("/api/remediations/" + remediationId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The finding of {@code policyId} about {@code resourceId}, waited for. */
    public static long findingOf(String policyId, String resourceId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> findingIdOrNull(policyId, resourceId) != null);
        return findingIdOrNull(policyId, resourceId);
    }

    private static Long findingIdOrNull(String policyId, String resourceId) {
        List<Map<String, Object>> findings = given().queryParam("kind", "VIOLATION")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return findings.stream()
                .filter(f -> policyId.equals(f.get("policyId")) && resourceId.equals(f.get("resourceId")))
                .map(f -> ((Number) f.get("id")).longValue())
                .findFirst()
                .orElse(null);
    }

    /**
     * How many times the service called {@code operation} of {@code service} (its AWS request counter).
     *
     * @param service the SDK's service name, e.g. {@code Ec2}: one the service has called before, so that a
     *                misspelt name fails here instead of counting nothing
     */
    public static double awsCalls(String service, String operation) {
        List<String> counted = Management.metrics()
                .lines()
                .filter(l ->
                        l.startsWith("driftwatch_aws_requests_total{") && l.contains("service=\"" + service + "\""))
                .toList();
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("the service has made no request to an AWS service named " + service);
        }
        return counted.stream()
                .filter(l -> l.contains("operation=\"" + operation + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
