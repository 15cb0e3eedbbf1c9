package dev.driftwatch.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;

/** API tokens made through the API by the tests' admin, for a second person (e.g. an approver). */
public final class ApiTokens {

    private ApiTokens() {}

    /** @return the new token's secret, valid for an hour; its principal is {@code token:<name>} */
    public static String create(String name, String role) {
        return create(name, role, Instant.now().plusSeconds(3600));
    }

    /** @param expiresAt by the service's clock (a test that moved it gives a time after its move) */
    public static String create(String name, String role, Instant expiresAt) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role, "expiresAt", expiresAt.toString()))
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("secret");
    }
}
