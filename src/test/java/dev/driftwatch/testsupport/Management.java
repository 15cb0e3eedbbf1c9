package dev.driftwatch.testsupport;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.response.Response;

/** The running service's management interface (its own port): /q/metrics and /q/health. */
public final class Management {

    private Management() {}

    /** The management interface's port in this test run (the test profile picks a free one). */
    public static int port() {
        return Arc.container().instance(HttpServer.class).get().getManagementPort();
    }

    /** {@code GET /q/metrics}, Prometheus text. */
    public static String metrics() {
        return get("/q/metrics").asString();
    }

    public static Response get(String path) {
        return given().port(port()).get(path);
    }
}
