package dev.driftwatch.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.EventSchemas;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail: one entry per state-changing call, refusals included, each also an event in the outbox. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class AuditIT {

    private final EntityManager em =
            Arc.container().instance(EntityManager.class).get();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("truncate audit_entry").executeUpdate());
    }

    @Test
    void eachStateChangingCallLeavesOneEntryWithItsCaller() {
        // the waiver's creator is the caller, whatever the body says
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "policyId",
                        "p",
                        "resourceId",
                        "sg-1",
                        "owner",
                        "team",
                        "reason",
                        "because",
                        "expiresAt",
                        Instant.now().plusSeconds(600).toString(),
                        "createdBy",
                        "mallory"))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .body("createdBy", is(TestIdentity.PRINCIPAL));
        given().get("/api/waivers").then().statusCode(200);

        List<Map<String, Object>> entries = awaitEntries(1);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e)
                    .containsEntry("principal", TestIdentity.PRINCIPAL)
                    .containsEntry("action", "POST /api/waivers")
                    .containsEntry("outcome", "done")
                    .containsEntry("status", 201)
                    .containsEntry("mechanism", "api-token");
            assertThat(e.get("roles")).isEqualTo("viewer,operator,approver,admin");
            assertThat(e.get("clientAddress")).isNotNull();
        });
        assertThat(auditEvents()).isEqualTo(1);
        assertThat(EventSchemas.violations(AuditRecorded.TOPIC, outboxPayloads()))
                .as("the audit event against docs/events/driftwatch.audit.schema.json")
                .isEmpty();
    }

    @Test
    void refusalsAreAuditedTooAndNoSecretIsKept() {
        String viewer = ApiTokenIT.create(
                        "viewer-" + System.nanoTime(), "viewer", Instant.now().plusSeconds(600))
                .getString("secret");
        given().header("Authorization", TestIdentity.bearer(viewer))
                .post("/api/scans")
                .then()
                .statusCode(403);
        String forged = TokenSecrets.generate();
        given().header("Authorization", TestIdentity.bearer(forged))
                .delete("/api/waivers/1")
                .then()
                .statusCode(401);

        List<Map<String, Object>> entries = awaitEntries(3);
        assertThat(entries)
                .extracting(e -> e.get("action") + " " + e.get("outcome") + " " + e.get("status"))
                .containsExactlyInAnyOrder(
                        "DELETE /api/waivers/1 refused 401",
                        "POST /api/scans refused 403",
                        "POST /api/tokens done 201");
        assertThat(entries)
                .filteredOn(e -> e.get("status").equals(401))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("principal", "anonymous"));
        assertThat(entries)
                .filteredOn(e -> e.get("status").equals(403))
                .singleElement()
                .satisfies(e -> assertThat(e.get("principal").toString()).startsWith("token:viewer-"));
        String everything = given().get("/api/audit").asString() + outboxPayloads();
        assertThat(everything).doesNotContain(viewer).doesNotContain(forged).doesNotContain(TestIdentity.TOKEN);
    }

    private List<Map<String, Object>> awaitEntries(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().get("/api/audit").jsonPath().getList("").size() >= count);
        // Reading the trail is no state change: it adds no entry, so the count is exact.
        JsonPath trail = given().get("/api/audit").jsonPath();
        assertThat(trail.getList("")).hasSize(count);
        return trail.getList("");
    }

    private long auditEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("select count(*) from outbox_event where topic = 'driftwatch.audit'")
                                .getSingleResult())
                .longValue());
    }

    private String outboxPayloads() {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.join(
                        "\n",
                        em.createNativeQuery("select payload from outbox_event where topic = 'driftwatch.audit'")
                                .getResultList()));
    }
}
