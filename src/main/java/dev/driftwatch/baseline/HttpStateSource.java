package dev.driftwatch.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Override
    public Optional<Download> openIfChanged(String knownVersion) throws StateFileException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        if (knownVersion != null) {
            request.header("If-None-Match", knownVersion);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new StateFileException(name(), "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new StateFileException(name(), "unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateFileException(name(), "interrupted");
        }
        int status = response.statusCode();
        if (status == 304) {
            close(response.body());
            return Optional.empty();
        }
        if (status != 200) {
            close(response.body());
            throw new StateFileException(name(), "HTTP " + status + explain(status));
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        String etag = response.headers().firstValue("ETag").orElse(null);
        return Optional.of(new Download(etag, new CompleteDownload(response.body(), length)));
    }

    private static String explain(int status) {
        return switch (status) {
            case 401, 403 -> ": not allowed with the configured headers (check the token)";
            case 404 -> ": no state at this address";
            case 204 -> ": the backend holds no state yet";
            default -> status >= 500 ? ": the backend failed" : "";
        };
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing was wanted from this body
        }
    }
}
