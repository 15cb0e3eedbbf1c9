package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP backend against a real HTTP server, as GitLab's managed state answers. */
class HttpStateSourceTest {

    private static final String TOKEN = "glpat-s3cr3t-t0ken";

    private HttpServer server;
    private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    /** What the server says next: status, body, ETag, and a delay before answering. */
    record Answer(int status, String body, String etag, long delayMs) {
        static Answer ok(String body, String etag) {
            return new Answer(200, body, etag, 0);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v4/projects/42/terraform/state/prod", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange);
        Answer a = answer;
        try {
            Thread.sleep(a.delayMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (a.etag() != null && a.etag().equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        if (a.etag() != null) {
            exchange.getResponseHeaders().add("ETag", a.etag());
        }
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void sendsTheConfiguredHeadersAndReadsTheState() {
        answer = Answer.ok(States.groups(1, "lin", "sg-1"), "\"v1\"");

        BaselineSnapshot snapshot = reader(Duration.ofSeconds(5), "?ref=main&private_token=" + TOKEN)
                .load();

        assertThat(snapshot.resources()).singleElement().satisfies(r -> {
            assertThat(r.resource().id()).isEqualTo("sg-1");
            assertThat(r.stateFile()).isEqualTo(address()).doesNotContain(TOKEN).doesNotContain("?");
        });
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getRequestHeaders().getFirst("PRIVATE-TOKEN")).isEqualTo(TOKEN);
            assertThat(r.getRequestHeaders().getFirst("Accept")).isEqualTo("application/json");
            assertThat(r.getRequestHeaders().getFirst("If-None-Match")).isNull();
        });
    }

    @Test
    void anUnchangedStateAnswers304AndIsNotParsedAgain() {
        answer = Answer.ok(States.groups(1, "lin", "sg-1"), "\"v1\"");
        BaselineReader reader = reader(Duration.ofSeconds(5), "");
        reader.load();

        BaselineSnapshot second = reader.load();

        assertThat(second.resources()).extracting(r -> r.resource().id()).containsExactly("sg-1");
        assertThat(requests.get(1).getRequestHeaders().getFirst("If-None-Match"))
                .isEqualTo("\"v1\"");
        assertThat(reads("parsed")).isEqualTo(1);
        assertThat(reads("unchanged")).isEqualTo(1);

        answer = Answer.ok(States.groups(2, "lin", "sg-1", "sg-2"), "\"v2\"");
        assertThat(reader.load().resources()).extracting(r -> r.resource().id()).containsExactly("sg-1", "sg-2");
        assertThat(reads("parsed")).isEqualTo(2);
    }

    @Test
    void withoutETagTheSerialAndLineageSpareTheParse() {
        answer = Answer.ok(States.groups(1, "lin", "sg-1"), null);
        BaselineReader reader = reader(Duration.ofSeconds(5), "");
        reader.load();

        assertThat(reader.load().resources()).hasSize(1);
        assertThat(reads("parsed")).isEqualTo(1);
        assertThat(reads("unchanged")).isEqualTo(1);
    }

    @Test
    void sensitiveValuesOfADownloadedStateStayOut() {
        answer = Answer.ok("""
                { "version": 4, "serial": 1, "lineage": "l", "resources": [ { "mode": "managed", "type": "aws_db_instance",
                  "name": "main", "instances": [ { "sensitive_attributes": [ [ { "type": "get_attr", "value": "password" } ] ],
                  "attributes": { "id": "db-1", "arn": "arn:aws:rds:eu-west-1:111122223333:db:main", "password": "http-s3cr3t" } } ] } ] }
                """, "\"v1\"");

        BaselineSnapshot snapshot = reader(Duration.ofSeconds(5), "").load();

        assertThat(snapshot.resources()).singleElement().satisfies(db -> assertThat(db.toString())
                .doesNotContain("http-s3cr3t"));
    }

    @Test
    void errorAnswersAreNamedAndNeverCarryTheToken() {
        assertProblem(
                new Answer(403, "{\"message\":\"403 Forbidden\"}", null, 0),
                "HTTP 403: not allowed with the configured headers");
        assertProblem(new Answer(401, "", null, 0), "HTTP 401: not allowed");
        assertProblem(new Answer(404, "", null, 0), "HTTP 404: no state at this address");
        assertProblem(new Answer(500, "oops", null, 0), "HTTP 500: the backend failed");
        assertProblem(new Answer(200, "{\"version\": 4, \"resources\": [", null, 0), "truncated");
        assertProblem(new Answer(200, "not json", null, 0), "invalid JSON at line 1");
        assertProblem(new Answer(200, "{\"version\": 3}", null, 0), "unsupported state format version 3");
    }

    @Test
    void aDownloadCutShortOfItsLengthIsTruncated() throws Exception {
        String state = States.groups(1, "lin", "sg-1");
        // A backend (or proxy) that announces the whole state, sends part of it and hangs up.
        try (ServerSocket cutter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread peer = new Thread(() -> {
                try (Socket socket = cutter.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Length: " + state.length() + "\r\n\r\n"
                                            + state.substring(0, 60))
                                    .getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the client gave up first
                }
            });
            peer.start();
            HttpStateSource source = new HttpStateSource(
                    "http.cut",
                    URI.create("http://127.0.0.1:" + cutter.getLocalPort() + "/state"),
                    Map.of(),
                    Duration.ofSeconds(5),
                    StateLocations.defaults(Optional.empty(), Optional.empty()));

            BaselineSnapshot snapshot = new BaselineReader(List.of(source), new ObjectMapper(), metrics).load();

            assertThat(snapshot.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                    .startsWith("truncated: the download broke off"));
            peer.join(5000);
        }
    }

    @Test
    void aSlowBackendTimesOut() {
        answer = new Answer(200, States.groups(1, "lin", "sg-1"), null, 3000);

        BaselineSnapshot snapshot = reader(Duration.ofMillis(300), "").load();

        assertThat(snapshot.resources()).isEmpty();
        assertThat(snapshot.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                .isEqualTo("no complete answer within 300 ms"));
    }

    @Test
    void anUnreachableBackendIsAFailedSource() {
        HttpStateSource nowhere = new HttpStateSource(
                "http.gone",
                URI.create("http://127.0.0.1:1/state"),
                Map.of("PRIVATE-TOKEN", TOKEN),
                Duration.ofSeconds(2),
                StateLocations.defaults(Optional.empty(), Optional.empty()));

        BaselineSnapshot snapshot = new BaselineReader(List.of(nowhere), new ObjectMapper(), metrics).load();

        assertThat(snapshot.failedSources()).containsExactly("http://127.0.0.1:1/state");
        assertThat(snapshot.errors().get(0).problem())
                .startsWith("unreachable: ConnectException")
                .doesNotContain(TOKEN);
    }

    @Test
    void aRedirectWithinTheOriginIsFollowedWithTheHeaders() {
        answer = Answer.ok(States.groups(1, "lin", "sg-1"), "\"v1\"");
        server.createContext("/moved", exchange -> {
            requests.add(exchange);
            exchange.getResponseHeaders().add("Location", "/api/v4/projects/42/terraform/state/prod");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });

        BaselineSnapshot snapshot = reader(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/moved"))
                .load();

        assertThat(snapshot.errors()).isEmpty();
        assertThat(snapshot.resources()).extracting(r -> r.resource().id()).containsExactly("sg-1");
        assertThat(requests).hasSize(2).allSatisfy(r -> assertThat(
                        r.getRequestHeaders().getFirst("PRIVATE-TOKEN"))
                .isEqualTo(TOKEN));
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowedAndTheTokenNeverGoesThere() throws IOException {
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> tokensElsewhere = new CopyOnWriteArrayList<>();
        elsewhere.createContext("/", exchange -> {
            tokensElsewhere.add(String.valueOf(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN")));
            byte[] body = States.groups(1, "lin", "sg-attacker").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        String other = "http://127.0.0.1:" + elsewhere.getAddress().getPort();
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", other + "/state?signature=s3cr3t-sig");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        try {
            URI moved = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/moved");

            BaselineSnapshot snapshot = reader(moved).load();

            assertThat(snapshot.resources()).isEmpty();
            assertThat(snapshot.failedSources()).containsExactly(moved.toString());
            assertThat(snapshot.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                    .isEqualTo("redirected to another origin (" + other
                            + "), not followed: the configured headers must not go there")
                    .doesNotContain("s3cr3t-sig"));
            assertThat(tokensElsewhere).isEmpty();
        } finally {
            elsewhere.stop(0);
        }
    }

    private BaselineReader reader(URI url) {
        HttpStateSource source = new HttpStateSource(
                "http.gitlab",
                url,
                Map.of("PRIVATE-TOKEN", TOKEN),
                Duration.ofSeconds(5),
                StateLocations.defaults(Optional.empty(), Optional.empty()));
        return new BaselineReader(List.of(source), new ObjectMapper(), metrics);
    }

    private void assertProblem(Answer a, String problem) {
        answer = a;
        BaselineSnapshot snapshot =
                reader(Duration.ofSeconds(5), "?private_token=" + TOKEN).load();
        assertThat(snapshot.resources()).isEmpty();
        assertThat(snapshot.failedSources()).containsExactly(address());
        assertThat(snapshot.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(address());
            assertThat(e.problem()).startsWith(problem);
            assertThat(e.toString()).doesNotContain(TOKEN);
        });
    }

    private BaselineReader reader(Duration timeout, String query) {
        HttpStateSource source = new HttpStateSource(
                "http.gitlab",
                URI.create(address() + query),
                Map.of("PRIVATE-TOKEN", TOKEN, "Accept", "application/json"),
                timeout,
                StateLocations.defaults(Optional.empty(), Optional.empty()));
        return new BaselineReader(List.of(source), new ObjectMapper(), metrics);
    }

    private String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4/projects/42/terraform/state/prod";
    }

    private double reads(String outcome) {
        var counter = metrics.find("driftwatch.state.reads")
                .tags("source", "http.gitlab", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
