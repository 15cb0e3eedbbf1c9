package dev.driftwatch.baseline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.testsupport.Moto;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * S3 (moto) with the one check moto leaves out: a request whose {@code x-amz-expected-bucket-owner} names
 * another account than the bucket's owner is refused with 403 AccessDenied, as S3 does. It also records
 * the header of every request, so a test can tell that each one carried it.
 */
final class BucketOwnerFront implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Set<String> NOT_RETURNED =
            Set.of("content-length", "transfer-encoding", "connection", "date", "server");

    /** One request as it arrived: method, path and its ExpectedBucketOwner (null when absent). */
    record Seen(String method, String path, String expectedOwner) {}

    private final String owner;
    private final HttpServer server;
    private final HttpClient forward = HttpClient.newHttpClient();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** @param owner the account that owns every bucket behind this front */
    BucketOwnerFront(String owner) {
        this.owner = owner;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String expected = exchange.getRequestHeaders().getFirst("x-amz-expected-bucket-owner");
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), expected));
        if (expected != null && !expected.equals(owner)) {
            byte[] body = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Moto.URL + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_RETURNED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = response.body();
            boolean empty =
                    body.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
