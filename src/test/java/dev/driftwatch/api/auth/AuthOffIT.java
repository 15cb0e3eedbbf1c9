package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.scan.ScanRoundStarted;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Authentication turned off, as only an explicit property can do: every caller is an admin named anonymous, and
 * the service says so where an operator looks: {@code /q/health} and a warning at every scan round.
 */
@QuarkusTest
@TestProfile(AuthOffIT.Off.class)
@WithTestResource(KafkaBroker.class)
class AuthOffIT {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("driftwatch.auth.enabled", "false");
        }
    }

    @Inject
    Event<ScanRoundStarted> rounds;

    @Test
    void aCallerWithoutATokenIsAnAnonymousAdminAndTheAuditSaysSo() throws Exception {
        HttpResponse<String> findings = noToken("GET", "/api/findings");
        assertThat(findings.statusCode()).isEqualTo(200);
        HttpResponse<String> tokens = noToken("GET", "/api/tokens");
        assertThat(tokens.statusCode()).as("an admin's endpoint").isEqualTo(200);
        long before = newestAuditId();
        assertThat(noToken("DELETE", "/api/tokens/999999").statusCode()).isEqualTo(404);

        // written just after the response, and the trail outlives other tests: wait for this call's entry
        Map<String, Object> entry = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> audit().stream()
                                .filter(e -> ((Number) e.get("id")).longValue() > before)
                                .filter(e -> "DELETE /api/tokens/999999".equals(e.get("action")))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        assertThat(entry)
                .containsEntry("principal", "anonymous")
                .containsEntry("mechanism", "auth-off")
                .containsEntry("roles", "viewer,operator,approver,admin");
    }

    private static List<Map<String, Object>> audit() throws Exception {
        return new JsonPath(noToken("GET", "/api/audit").body()).getList("");
    }

    private static long newestAuditId() throws Exception {
        return audit().stream()
                .mapToLong(e -> ((Number) e.get("id")).longValue())
                .max()
                .orElse(0);
    }

    @Test
    void healthAndEveryScanRoundSayThatAuthenticationIsOff() {
        String health = Management.get("/q/health").asString();
        JsonPath check = new JsonPath(health);
        assertThat(check.getString("checks.find { it.name == 'authentication' }.data.enabled"))
                .isEqualTo("false");
        assertThat(check.getString("checks.find { it.name == 'authentication' }.data.warning"))
                .contains("Authentication is OFF");

        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(AuthStatus.class.getName());
        logger.addHandler(capture);
        try {
            rounds.fire(new ScanRoundStarted());
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("Authentication is OFF"));
    }

    private static HttpResponse<String> noToken(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
