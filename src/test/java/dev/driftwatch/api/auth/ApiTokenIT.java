package dev.driftwatch.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API tokens on the running service and its database: created, used, expired, revoked; only hashes stored. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ApiTokenIT {

    @Test
    void aTokenIsShownOnceStoredAsItsHashAndRefusedOnceRevoked() {
        String name = "pipeline-" + System.nanoTime();
        JsonPath created = create(name, "operator", Instant.now().plusSeconds(3600));
        String secret = created.getString("secret");
        long id = created.getLong("token.id");

        assertThat(secret).startsWith("dwt_").hasSizeGreaterThan(40);
        assertThat(created.getString("token.createdBy")).isEqualTo(TestIdentity.PRINCIPAL);
        assertThat(given().get("/api/tokens").asString()).contains(name).doesNotContain(secret);
        List<Object> row = storedRow(id);
        assertThat(row).doesNotContain(secret).contains(TokenSecrets.hash(secret));

        given().header("Authorization", TestIdentity.bearer(secret))
                .get("/api/findings")
                .then()
                .statusCode(200);
        given().header("Authorization", TestIdentity.bearer(secret))
                .post("/api/scans?region=nowhere")
                .then()
                .statusCode(400);
        given().header("Authorization", TestIdentity.bearer(secret))
                .get("/api/tokens")
                .then()
                .statusCode(403);

        given().delete("/api/tokens/" + id).then().statusCode(204);
        given().header("Authorization", TestIdentity.bearer(secret))
                .get("/api/findings")
                .then()
                .statusCode(401);
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() throws InterruptedException {
        String secret = create(
                        "short-" + System.nanoTime(), "viewer", Instant.now().plusSeconds(2))
                .getString("secret");
        given().header("Authorization", TestIdentity.bearer(secret))
                .get("/api/findings")
                .then()
                .statusCode(200);
        Thread.sleep(2500);
        given().header("Authorization", TestIdentity.bearer(secret))
                .get("/api/findings")
                .then()
                .statusCode(401);
        given().header("Authorization", TestIdentity.bearer(TokenSecrets.generate()))
                .get("/api/findings")
                .then()
                .statusCode(401);
    }

    @Test
    void tokensNeedANameARoleAndAnExpiryWithinTheLimit() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "x",
                        "role",
                        "root",
                        "expiresAt",
                        Instant.now().plusSeconds(60).toString()))
                .post("/api/tokens")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "viewer"))
                .post("/api/tokens")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "x",
                        "role",
                        "viewer",
                        "expiresAt",
                        Instant.now().plusSeconds(400L * 86400).toString()))
                .post("/api/tokens")
                .then()
                .statusCode(400);
    }

    static JsonPath create(String name, String role, Instant expiresAt) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role, "expiresAt", expiresAt.toString()))
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static List<Object> storedRow(long id) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[])
                em.createNativeQuery("select name, role, token_hash, created_by from api_token where id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
        return List.of(row);
    }
}
