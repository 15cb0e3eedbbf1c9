package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against an HTTP server that checks the signature as a receiver would, and refuses bad ones. */
class WebhookSinkTest {

    private static final String SECRET = "whsec_test-secret-not-a-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            boolean valid = verify(header, body);
            if (valid) {
                accepted.add(JSON.readTree(body));
            }
            byte[] answer = (valid ? "{}" : "{\"message\": \"bad signature\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(valid ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void postsSignedActionsTheReceiverAccepts() {
        WebhookSink sink = sink(SECRET);
        TicketSink.Created created =
                sink.create(new TicketSink.NewTicket(7, "0123456789abcdef", "title", "body", "high", "1/r/t/i", null));
        sink.comment(TicketSink.Existing.of(created.externalId()), "changed");
        sink.close(TicketSink.Existing.of(created.externalId()));

        assertThat(created.externalId()).isEqualTo("driftwatch-7");
        assertThat(accepted).extracting(m -> m.path("action").asText()).containsExactly("create", "comment", "close");
        assertThat(accepted.get(0).path("marker").asText()).isEqualTo("driftwatch-0123456789ab");
        assertThat(accepted).allSatisfy(m -> assertThat(m.toString()).doesNotContain(SECRET));
    }

    @Test
    void aWrongSecretIsRefusedForGood() {
        TicketSinkException e = catchThrowableOfType(
                TicketSinkException.class, () -> sink("another secret").close(TicketSink.Existing.of("driftwatch-7")));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("webhook hooks answered 401: bad signature");
        assertThat(accepted).isEmpty();
    }

    private WebhookSink sink(String secret) {
        return new WebhookSink(
                "hooks",
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                secret,
                new TicketHttp(HttpClient.newHttpClient(), JSON, Duration.ofSeconds(5), Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** What a receiver does: recompute over "t.body", compare in constant time, refuse old timestamps. */
    private static boolean verify(String header, String body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        boolean fresh = Math.abs(Clock.systemUTC().instant().getEpochSecond() - t) < 300;
        return fresh
                && MessageDigest.isEqual(
                        v1.getBytes(StandardCharsets.UTF_8),
                        WebhookSignature.hmac(SECRET, t + "." + body).getBytes(StandardCharsets.UTF_8));
    }
}
