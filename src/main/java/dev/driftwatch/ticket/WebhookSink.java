package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * A signed JSON POST per ticket action ({@link WebhookSignature}), for Slack workflows, Teams or anything else. The
 * receiver has no ticket ids to give back: the ticket is named {@code driftwatch-<ticket id>} in every message.
 */
final class WebhookSink implements TicketSink {

    private final String name;
    private final URI url;
    private final String secret;
    private final TicketHttp http;
    private final Clock clock;

    WebhookSink(String name, URI url, String secret, TicketHttp http, Clock clock) {
        this.name = name;
        this.url = url;
        this.secret = secret;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Created create(NewTicket ticket) {
        String id = "driftwatch-" + ticket.ticketId();
        ObjectNode message = message("create", id)
                .put("fingerprint", ticket.fingerprint())
                .put("marker", ticket.marker())
                .put("title", ticket.title())
                .put("body", ticket.body());
        post(message);
        return new Created(id, null);
    }

    @Override
    public void comment(Existing ticket, String body) {
        post(message("comment", ticket.externalId()).put("body", body));
    }

    @Override
    public void close(Existing ticket) {
        post(message("close", ticket.externalId()));
    }

    @Override
    public Optional<Created> find(NewTicket ticket) {
        return Optional.empty(); // a receiver that got the create twice sees the same ticket id twice
    }

    private ObjectNode message(String action, String ticket) {
        return http.json().createObjectNode().put("action", action).put("ticket", ticket);
    }

    private void post(ObjectNode message) {
        String body = message.toString();
        long now = clock.instant().getEpochSecond();
        http.send(
                "webhook " + name,
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
