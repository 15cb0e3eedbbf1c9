package dev.driftwatch.api.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Request bodies: 1 MB at most, refused by their declared size before they are sent, and refused when their size
 * is not declared; /api/checks takes more, streamed or not.
 * A scan asked for again while it waits or runs is answered with that scan, not queued twice.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class LimitsIT {

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // Only the headers and one byte of the announced 2 MB are ever sent: the answer cannot wait for the rest.
            out.write(("POST /api/waivers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: " + TestIdentity.bearer(TestIdentity.TOKEN) + "\r\n"
                            + "Content-Length: 2000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aBodyOfUndeclaredLengthIsRefusedExceptByChecks() throws Exception {
        assertThat(chunkedPost("/api/waivers", "{\"policyId\": \"x\"}")).startsWith("HTTP/1.1 411");
        assertThat(chunkedPost("/api/checks", "{\"version\": 4, \"resources\": []}"))
                .as("a state may be streamed to /api/checks")
                .doesNotStartWith("HTTP/1.1 411")
                .doesNotStartWith("HTTP/1.1 413");
    }

    /** The status line of a POST whose body is sent in chunks, without a Content-Length. */
    private static String chunkedPost(String path, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: " + TestIdentity.bearer(TestIdentity.TOKEN) + "\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void aScanAskedForAgainWhileItIsQueuedOrRunningIsTheSameScan() {
        Database.cleanSlate();
        List<Long> first = Scans.request("us-east-1");
        // A scan of a region reads dozens of resource types: far longer than the next request takes.
        List<Long> again = Scans.request("us-east-1");
        assertThat(again).isEqualTo(first).hasSize(1);
        assertThat(Scans.awaitFinished(first.get(0)).getString("status")).isNotIn("QUEUED", "RUNNING");
        List<Long> next = Scans.request("us-east-1");
        assertThat(next).as("once finished, a new scan").doesNotContainAnyElementsOf(first);
        Scans.awaitFinished(next.get(0));
    }

    @Test
    void checksMayPostLargerStates() {
        String padding = " ".repeat(1_500_000);
        int status = given().contentType(ContentType.JSON)
                .body("{\"version\": 4, \"resources\": []" + padding + "}")
                .post("/api/checks")
                .statusCode();
        assertThat(status).isNotEqualTo(413);
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/drift/accept")
                .then()
                .statusCode(413);
    }
}
