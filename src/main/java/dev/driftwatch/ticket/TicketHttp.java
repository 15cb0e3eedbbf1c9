package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP call to a ticket system, its answer sorted into what {@link TicketWorker} does next: 2xx done; 429,
 * 5xx, a timeout or no connection tried again (honouring {@code Retry-After}); any other 4xx refused with the
 * system's message. Requests' headers (the credentials) never reach an exception's message.
 */
final class TicketHttp {

    private static final int MAX_MESSAGE = 500;

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Clock clock;

    TicketHttp(HttpClient client, ObjectMapper json, Duration timeout, Clock clock) {
        this.client = client;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * Sends and returns the answer's JSON body (a missing node when it has none). {@code secrets} sent in the body
     * (a PagerDuty routing key) are cut out of the system's message should it quote them.
     */
    JsonNode send(String system, HttpRequest.Builder request, String... secrets) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw TicketSinkException.retry(system + " did not answer within " + timeout, Optional.empty());
        } catch (ConnectException e) {
            throw TicketSinkException.retry(system + " could not be reached", Optional.empty());
        } catch (IOException e) {
            throw TicketSinkException.retry(
                    system + " call failed: " + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TicketSinkException.retry("interrupted while calling " + system, Optional.empty());
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return read(response.body());
        }
        String said = system + " answered " + status + ": " + hide(message(response.body()), secrets);
        Instant now = clock.instant();
        if (status == 429 || status / 100 == 5) {
            throw TicketSinkException.retry(
                    said,
                    Backoff.retryAfter(
                            response.headers().firstValue("Retry-After").orElse(null), now));
        }
        if (status == 403
                && response.headers()
                        .firstValue("x-ratelimit-remaining")
                        .orElse("")
                        .equals("0")) {
            // GitHub's primary rate limit: 403 (or 429) until x-ratelimit-reset (epoch seconds)
            Optional<Duration> untilReset = response.headers()
                    .firstValue("x-ratelimit-reset")
                    .flatMap(reset -> {
                        try {
                            return Optional.of(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset))));
                        } catch (NumberFormatException e) {
                            return Optional.empty();
                        }
                    })
                    .filter(d -> !d.isNegative());
            throw TicketSinkException.retry(said, untilReset);
        }
        throw TicketSinkException.refused(said);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    /**
     * The system's own words, else the body's start: {@code message} (GitHub, PagerDuty) with PagerDuty's {@code
     * errors}; Jira's {@code errorMessages} and {@code errors} by field; ServiceNow's {@code error.message} and
     * {@code error.detail}.
     */
    private String message(String body) {
        JsonNode error = read(body);
        List<String> said = new ArrayList<>();
        text(error.path("message"), said);
        text(error.path("error").path("message"), said);
        text(error.path("error").path("detail"), said);
        error.path("errorMessages").forEach(m -> text(m, said));
        JsonNode errors = error.path("errors");
        if (errors.isArray()) {
            errors.forEach(m -> text(m, said));
        } else if (errors.isObject()) {
            errors.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    said.add(field.getKey() + ": " + field.getValue().asText());
                }
            });
        }
        String text = said.isEmpty() ? body : String.join("; ", said);
        if (text == null || text.isBlank()) {
            return "(no message)";
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }

    private static void text(JsonNode node, List<String> said) {
        if (node.isTextual() && !node.asText().isBlank()) {
            said.add(node.asText());
        }
    }

    private static String hide(String message, String... secrets) {
        String hidden = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                hidden = hidden.replace(secret, "***");
            }
        }
        return hidden;
    }
}
