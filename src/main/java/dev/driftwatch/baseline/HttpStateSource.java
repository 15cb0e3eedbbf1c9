package dev.driftwatch.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Terraform's HTTP backend (GitLab-managed state, Terraform Enterprise-like services): one GET of the
 * address with the configured headers, conditional on the last ETag, so an unchanged state answers 304.
 * Header values are credentials: they are sent, never logged nor put in an error.
 */
final class HttpStateSource implements StateSource, StateObject {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final String label;
    private final URI url;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final StateLocations locations;
    private final HttpClient client;

    HttpStateSource(String label, URI url, Map<String, String> headers, Duration timeout, StateLocations locations) {
        this.label = label;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.locations = locations;
        // Redirects are followed by hand, within the origin only (see openIfChanged).
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public StateLocations locations() {
        return locations;
    }

    @Override
    public String lookedFor() {
        return "a state at " + name();
    }

    @Override
    public List<StateObject> states() {
        return List.of(this);
    }

    /** The address without user info, query or fragment: those may carry tokens. */
    @Override
    public String name() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + url.getRawPath();
    }

    /**
     * The whole download has one deadline, redirects included; it goes to a temporary file (deleted when
     * closed), so a stalled backend cannot hang a scan and a large state costs no heap. Redirects are
     * followed only within the address's origin: the configured headers (tokens) never go to another host.
     */
    @Override
    public Optional<Download> openIfChanged(String knownVersion) throws StateFileException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI target = url;
        for (int hops = 0; ; hops++) {
            Path file = temporaryFile();
            HttpResponse<Path> response = null;
            try {
                response =
                        send(target, knownVersion, file, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                Optional<URI> next = redirect(response, target);
                if (next.isEmpty()) {
                    return downloaded(response, file);
                }
                if (!sameOrigin(url, next.get())) {
                    throw new StateFileException(
                            name(),
                            "redirected to another origin (" + origin(next.get())
                                    + "), not followed: the configured headers must not go there");
                }
                if (hops >= MAX_REDIRECTS) {
                    throw new StateFileException(name(), "more than " + MAX_REDIRECTS + " redirects");
                }
                target = next.get();
            } finally {
                if (response == null || response.statusCode() != 200) {
                    delete(file);
                }
            }
        }
    }

    private HttpResponse<Path> send(URI target, String knownVersion, Path file, Duration left)
            throws StateFileException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target).timeout(left).GET();
        headers.forEach(request::header);
        if (knownVersion != null) {
            request.header("If-None-Match", knownVersion);
        }
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<HttpResponse<Path>> exchange = client.sendAsync(request.build(), info -> {
            answered.set(true);
            return info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.ofFile(file)
                    : HttpResponse.BodySubscribers.replacing(file);
        });
        try {
            return exchange.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new StateFileException(name(), "no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new StateFileException(name(), "no complete answer within " + timeout.toMillis() + " ms");
            }
            String what =
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
            throw new StateFileException(
                    name(),
                    answered.get() ? "truncated: the download broke off (" + what + ")" : "unreachable: " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateFileException(name(), "interrupted");
        }
    }

    /** Where a redirect answer points, resolved against the address asked; empty for any other answer. */
    private static Optional<URI> redirect(HttpResponse<Path> response, URI asked) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").map(asked::resolve);
    }

    static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    /** Scheme, host and port only: a redirect's path and query may carry tokens. */
    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Optional<Download> downloaded(HttpResponse<Path> response, Path file) throws StateFileException {
        int status = response.statusCode();
        if (status == 304) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new StateFileException(name(), "HTTP " + status + explain(status));
        }
        try {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            InputStream body =
                    new CompleteDownload(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE), length);
            return Optional.of(
                    new Download(response.headers().firstValue("ETag").orElse(null), body));
        } catch (IOException e) {
            delete(file);
            throw new StateFileException(name(), "cannot be read: " + e.getMessage());
        }
    }

    private Path temporaryFile() throws StateFileException {
        try {
            return Files.createTempFile("driftwatch-state-", ".tfstate");
        } catch (IOException e) {
            throw new StateFileException(name(), "no room for the download: " + e.getMessage());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the OS clears it in time
        }
    }

    private static String explain(int status) {
        return switch (status) {
            case 401, 403 -> ": not allowed with the configured headers (check the token)";
            case 404 -> ": no state at this address";
            case 204 -> ": the backend holds no state yet";
            default -> status >= 500 ? ": the backend failed" : "";
        };
    }
}
