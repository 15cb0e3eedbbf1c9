package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.driftwatch.testsupport.KafkaBroker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller: no token, expired, wrong issuer, wrong audience, alg none,
 * tampered signature (401), and each role (403 below the endpoint's role, through otherwise). A new endpoint
 * without a rule here, or without {@code @RolesAllowed}, fails the first test.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(KafkaBroker.class)
class AuthMatrixIT {

    /** The rules: endpoint to the least role that may call it, and a request that needs nothing else to exist. */
    private static final Map<String, Call> RULES = new LinkedHashMap<>();

    record Call(String role, String method, String path, String contentType, String body) {}

    static {
        rule("POST /api/checks", "operator", "/api/checks?format=yaml", "application/json", "{}");
        rule("GET /api/coverage", "viewer", "/api/coverage", null, null);
        rule("GET /api/drift/ignore", "viewer", "/api/drift/ignore", null, null);
        rule("POST /api/drift/accept", "operator", "/api/drift/accept", "application/json", "{}");
        rule("GET /api/drift/accepted", "viewer", "/api/drift/accepted", null, null);
        rule("GET /api/drift/driftignore", "viewer", "/api/drift/driftignore", null, null);
        rule("DELETE /api/drift/accepted/{id}", "operator", "/api/drift/accepted/999999", null, null);
        rule("GET /api/findings", "viewer", "/api/findings", null, null);
        rule("GET /api/findings/{id}", "viewer", "/api/findings/999999", null, null);
        rule("GET /api/findings/import-blocks", "viewer", "/api/findings/import-blocks", null, null);
        rule("GET /api/outbox/dead", "viewer", "/api/outbox/dead", null, null);
        rule("POST /api/outbox/{id}/retry", "admin", "/api/outbox/999999/retry", null, null);
        rule("DELETE /api/outbox/{id}", "admin", "/api/outbox/999999", null, null);
        rule("GET /api/policies", "viewer", "/api/policies", null, null);
        rule("POST /api/policies/validate", "viewer", "/api/policies/validate", "text/plain", "id: x");
        rule("POST /api/scans", "operator", "/api/scans?region=nowhere", null, null);
        rule("GET /api/scans", "viewer", "/api/scans", null, null);
        rule("GET /api/scans/{id}", "viewer", "/api/scans/999999", null, null);
        rule("GET /api/states", "viewer", "/api/states", null, null);
        rule("DELETE /api/states/{name: .+}", "operator", "/api/states/no-such-state", null, null);
        rule("GET /api/waivers", "viewer", "/api/waivers", null, null);
        rule("POST /api/waivers", "operator", "/api/waivers", "application/json", "{}");
        rule("DELETE /api/waivers/{id}", "operator", "/api/waivers/999999", null, null);
        rule("POST /api/tokens", "admin", "/api/tokens", "application/json", "{}");
        rule("GET /api/tokens", "admin", "/api/tokens", null, null);
        rule("DELETE /api/tokens/{id}", "admin", "/api/tokens/999999", null, null);
        rule("GET /api/audit", "admin", "/api/audit", null, null);
        rule("GET /api/remediations", "viewer", "/api/remediations", null, null);
        rule("GET /api/remediations/{id}", "viewer", "/api/remediations/999999", null, null);
        rule(
                "POST /api/remediations/{id}/approve",
                "approver",
                "/api/remediations/999999/approve",
                "application/json",
                "{}");
        rule(
                "POST /api/remediations/{id}/reject",
                "approver",
                "/api/remediations/999999/reject",
                "application/json",
                "{}");
        rule("POST /api/findings/{id}/remediate", "operator", "/api/findings/999999/remediate", null, null);
        rule("GET /api/remediations/breakers", "viewer", "/api/remediations/breakers", null, null);
        rule("GET /api/tickets", "viewer", "/api/tickets", null, null);
        rule("POST /api/sweeps", "operator", "/api/sweeps", "application/json", "{}");
        rule("GET /api/sweeps", "viewer", "/api/sweeps", null, null);
        rule("GET /api/sweeps/{id}", "viewer", "/api/sweeps/999999", null, null);
        rule("POST /api/sweeps/{id}/approve", "approver", "/api/sweeps/999999/approve", null, null);
        rule("POST /api/sweeps/{id}/keep", "operator", "/api/sweeps/999999/keep", "application/json", "{}");
        rule(
                "POST /api/remediations/breakers/{account}/reset",
                "admin",
                "/api/remediations/breakers/1/reset",
                null,
                null);
    }

    private static void rule(String endpoint, String role, String path, String contentType, String body) {
        RULES.put(endpoint, new Call(role, endpoint.substring(0, endpoint.indexOf(' ')), path, contentType, body));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyEndpointHasARoleAndARuleHere() {
        Map<String, String> endpoints = Endpoints.all();
        assertThat(endpoints).as("endpoints without @RolesAllowed").doesNotContainValue("");
        assertThat(endpoints.keySet())
                .as("endpoints and the rules of this test")
                .containsExactlyInAnyOrderElementsOf(RULES.keySet());
        RULES.forEach((endpoint, call) ->
                assertThat(endpoints.get(endpoint)).as(endpoint).isEqualTo(call.role()));
    }

    @Test
    void badTokensAreRefusedEverywhere() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String valid = LocalIssuer.token("mallory", "dw-admins");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put(
                "expired",
                LocalIssuer.sign(
                        LocalIssuer.claims(
                                "mallory",
                                LocalIssuer.ISSUER,
                                LocalIssuer.AUDIENCE,
                                Instant.now().minusSeconds(600),
                                "dw-admins"),
                        LocalIssuer.key()));
        bad.put(
                "wrong issuer",
                LocalIssuer.sign(
                        LocalIssuer.claims(
                                "mallory",
                                "https://elsewhere.test",
                                LocalIssuer.AUDIENCE,
                                Instant.now().plusSeconds(300),
                                "dw-admins"),
                        LocalIssuer.key()));
        bad.put(
                "wrong audience",
                LocalIssuer.sign(
                        LocalIssuer.claims(
                                "mallory",
                                LocalIssuer.ISSUER,
                                "other-service",
                                Instant.now().plusSeconds(300),
                                "dw-admins"),
                        LocalIssuer.key()));
        bad.put(
                "alg none",
                LocalIssuer.unsigned(LocalIssuer.claims(
                        "mallory",
                        LocalIssuer.ISSUER,
                        LocalIssuer.AUDIENCE,
                        Instant.now().plusSeconds(300),
                        "dw-admins")));
        bad.put(
                "tampered",
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5));
        bad.put(
                "other key",
                LocalIssuer.sign(
                        LocalIssuer.claims(
                                "mallory",
                                LocalIssuer.ISSUER,
                                LocalIssuer.AUDIENCE,
                                Instant.now().plusSeconds(300),
                                "dw-admins"),
                        key));
        List<String> wrong = new ArrayList<>();
        for (var entry : bad.entrySet()) {
            for (var rule : RULES.entrySet()) {
                int status = send(rule.getValue(), entry.getValue());
                if (status != 401) {
                    wrong.add(entry.getKey() + " " + rule.getKey() + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachRoleReachesExactlyWhatItMay() throws Exception {
        Map<String, String> groups = Map.of(
                "viewer",
                "dw-viewers",
                "operator",
                "dw-operators",
                "approver",
                "dw-approvers",
                "admin",
                "dw-admins",
                "none",
                "dw-strangers");
        List<String> wrong = new ArrayList<>();
        for (var role : groups.entrySet()) {
            String token = LocalIssuer.token("matrix-" + role.getKey(), role.getValue());
            for (var rule : RULES.entrySet()) {
                boolean allowed = !role.getKey().equals("none")
                        && Role.of(role.getKey())
                                .withImplied()
                                .contains(Role.of(rule.getValue().role()));
                int status = send(rule.getValue(), token);
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(role.getKey() + " " + rule.getKey() + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aCallerPastTheRateLimitIsToldWhenToComeBack() throws Exception {
        String token = LocalIssuer.token("rate-" + System.nanoTime(), "dw-viewers");
        Call findings = RULES.get("GET /api/findings");
        HttpResponse<String> last = null;
        // The bucket refills while the loop runs (a token each 60/limit s): up to twice the limit is ample.
        for (int i = 0; i < 2 * OidcProfile.REQUESTS_PER_MINUTE && (last == null || last.statusCode() == 200); i++) {
            last = http.send(request(findings, token), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        String other = LocalIssuer.token("rate-other-" + System.nanoTime(), "dw-viewers");
        assertThat(send(findings, other)).as("another caller is not held up").isEqualTo(200);
    }

    private int send(Call call, String token) throws Exception {
        return http.send(request(call, token), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest request(Call call, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + call.path()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        return request.method(call.method(), body).build();
    }
}
