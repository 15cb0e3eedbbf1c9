package dev.driftwatch.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People logged in through a real Keycloak (deploy/local/services.sh ensure_keycloak, realm
 * deploy/local/keycloak/driftwatch-realm.json): their tokens reach what their groups' roles allow, and what
 * they do is recorded under their name. No Keycloak is a failure, not a skip.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(KafkaBroker.class)
class KeycloakLoginIT {

    @Test
    void keycloakUsersGetTheRolesOfTheirGroups() {
        String vera = login("vera");
        String otto = login("otto");
        String ada = login("ada");
        String nobody = login("nobody");

        as(vera).get("/api/findings").then().statusCode(200);
        as(vera).post("/api/scans?region=nowhere").then().statusCode(403);
        as(otto).post("/api/scans?region=nowhere").then().statusCode(400);
        as(otto).get("/api/tokens").then().statusCode(403);
        as(ada).get("/api/tokens").then().statusCode(200);
        as(nobody).get("/api/findings").then().statusCode(403);
        as(otto.substring(0, otto.length() - 4) + "AAAA")
                .get("/api/findings")
                .then()
                .statusCode(401);
    }

    @Test
    void whoAcceptsDriftIsTheLoggedInUser() {
        String otto = login("otto");
        as(otto).contentType(ContentType.JSON)
                .body(Map.of("reason", "nothing open, nothing accepted"))
                .post("/api/drift/accept")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(given().header("Authorization", TestIdentity.bearer(TestIdentity.TOKEN))
                                .get("/api/audit?principal=otto")
                                .jsonPath()
                                .getList("action"))
                        .contains("POST /api/drift/accept"));
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** A password grant at Keycloak's token endpoint, as a command-line client would do. */
    static String login(String user) {
        String form = "grant_type=password&client_id=driftwatch-cli&scope=openid&username=" + user + "&password=" + user
                + "-password";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(OidcProfile.KEYCLOAK_ISSUER + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("Keycloak login of %s: %s", user, response.body())
                    .isEqualTo(200);
            return new JsonPath(response.body()).getString("access_token");
        } catch (IOException e) {
            throw new AssertionError(
                    "Keycloak does not answer at " + OidcProfile.KEYCLOAK
                            + " (bin/test starts it: deploy/local/services.sh ensure_keycloak)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
