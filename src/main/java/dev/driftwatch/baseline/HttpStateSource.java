package dev.driftwatch.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
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
    public List<StateObject> states() {
        return List.of(this);
    }

    /** The address without user info, query or fragment: those may carry tokens. */
    @Override
    public String name() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getRawPath();
    }

    /**
     * The whole download has one deadline; it goes to a temporary file (deleted when closed), so a stalled
     * backend cannot hang a scan and a large state costs no heap.
     */
    @Override
    public Optional<Download> openIfChanged(String knownVersion) throws StateFileException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        if (knownVersion != null) {
            request.header("If-None-Match", knownVersion);
        }
        Path file = temporaryFile();
        HttpResponse<Path> response = null;
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<HttpResponse<Path>> exchange = client.sendAsync(request.build(), info -> {
            answered.set(true);
            return info.statusCode() == 200 ? HttpResponse.BodySubscribers.ofFile(file) : HttpResponse.BodySubscribers.replacing(file);
        });
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return downloaded(response, file);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new StateFileException(name(), "no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
            throw new StateFileException(name(), answered.get() ? "truncated: the download broke off (" + what + ")" : "unreachable: " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateFileException(name(), "interrupted");
        } finally {
            if (response == null || response.statusCode() != 200) {
                delete(file);
            }
        }
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
            InputStream body = new CompleteDownload(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE), length);
            return Optional.of(new Download(response.headers().firstValue("ETag").orElse(null), body));
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
