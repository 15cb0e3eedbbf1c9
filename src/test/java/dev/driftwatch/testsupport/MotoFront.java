package dev.driftwatch.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One AWS service (or a few) as the service under test sees it: moto over HTTP, except for the few answers moto
 * cannot give, which a subclass writes itself. The service is pointed here through
 * {@code driftwatch.aws.service-endpoints.<service>}; everything else goes to moto unchanged. Requests are
 * answered side by side, so one answer held back does not hold back the others.
 */
public abstract class MotoFront implements QuarkusTestResourceLifecycleManager {

    /** An HTTP answer: status, XML body. */
    public record Reply(int status, String body) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade");
    /** Running fronts by service, for tests that configure a second instance of the service. */
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private final List<String> services;
    private final HttpClient forward = HttpClient.newHttpClient();
    private HttpServer server;

    protected MotoFront(String... services) {
        this.services = List.of(services);
    }

    /**
     * @param form the request's decoded query-protocol form ({@code Action=...&...})
     * @param moto moto's own answer to the request, fetched when called
     */
    protected Reply answer(String form, Supplier<Reply> moto) {
        return moto.get();
    }

    /**
     * For REST services (S3), where the request's method and URI say what it is.
     *
     * @param uri the request's path and query, e.g. {@code /my-bucket?tagging}
     */
    protected Reply answer(String method, URI uri, String form, Supplier<Reply> moto) {
        return answer(form, moto);
    }

    /** Settings of the service under test that go with this front, besides its endpoints. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // an answer held back does not hold the others
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "moto-front");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        Map<String, String> config = new HashMap<>(settings());
        for (String service : services) {
            URLS.put(service, "http://127.0.0.1:" + server.getAddress().getPort());
            config.put("driftwatch.aws.service-endpoints." + service, URLS.get(service));
        }
        return config;
    }

    /** The address of the running front for this service. */
    public static String url(String service) {
        return URLS.get(service);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String form = URLDecoder.decode(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Reply reply =
                answer(exchange.getRequestMethod(), exchange.getRequestURI(), form, () -> fromMoto(exchange, body));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("text/xml"));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Reply fromMoto(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Moto.URL + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<String> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(503, "");
        }
    }
}
