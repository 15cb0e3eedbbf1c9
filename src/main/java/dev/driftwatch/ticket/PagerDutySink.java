package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty alerts through the Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/,
 * https://developer.pagerduty.com/docs/events-api-v2/resolve-alerts/): {@code trigger} with {@code dedup_key} = the
 * fingerprint opens the alert, {@code resolve} closes it. The Events API has no comments: a material change sends
 * {@code trigger} again with the same {@code dedup_key}, which PagerDuty folds into the open alert (its summary,
 * severity and details updated). Nor can it be read: a person resolving the incident is not seen, and the next
 * trigger opens a new incident. Only severities configured as paging are routed here ({@link TicketRouting}).
 */
final class PagerDutySink implements TicketSink {

    private static final int MAX_SUMMARY = 1024;
    private static final int MAX_DETAILS = 8_000;

    private final String name;
    private final URI enqueue;
    private final String routingKey;
    private final Map<String, String> routingKeys;
    private final TicketHttp http;

    PagerDutySink(String name, URI api, String routingKey, Map<String, String> routingKeys, TicketHttp http) {
        this.name = name;
        this.enqueue = URI.create(api.toString().replaceAll("/+$", "") + "/v2/enqueue");
        this.routingKey = routingKey;
        this.routingKeys = Map.copyOf(routingKeys);
        this.http = http;
    }

    @Override
    public Created create(NewTicket ticket) {
        trigger(
                ticket.fingerprint(),
                ticket.title(),
                ticket.severity(),
                ticket.resource(),
                ticket.body(),
                ticket.target());
        return new Created(ticket.fingerprint(), null);
    }

    @Override
    public void comment(Existing ticket, String body) {
        trigger(ticket.externalId(), ticket.title(), ticket.severity(), ticket.resource(), body, ticket.target());
    }

    @Override
    public void close(Existing ticket) {
        send(event("resolve", ticket.externalId(), ticket.target()));
    }

    @Override
    public Optional<Created> find(NewTicket ticket) {
        return Optional.empty(); // a trigger sent twice with one dedup_key is one alert: creating again is safe
    }

    private void trigger(
            String dedupKey, String title, String severity, String resource, String details, TicketTarget target) {
        ObjectNode event = event("trigger", dedupKey, target).put("client", "driftwatch");
        ObjectNode payload = event.putObject("payload")
                .put("summary", cut(title, MAX_SUMMARY))
                .put("source", resource == null ? "driftwatch" : resource)
                .put("severity", severity(severity))
                .put("component", "driftwatch");
        payload.putObject("custom_details").put("fingerprint", dedupKey).put("details", cut(details, MAX_DETAILS));
        send(event);
    }

    private ObjectNode event(String action, String dedupKey, TicketTarget target) {
        return http.json()
                .createObjectNode()
                .put("routing_key", key(target))
                .put("event_action", action)
                .put("dedup_key", dedupKey);
    }

    private void send(ObjectNode event) {
        http.send(
                "PagerDuty (sink " + name + ")",
                HttpRequest.newBuilder(enqueue)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event.toString())),
                event.path("routing_key").asText());
    }

    /** The route's named key, else the sink's; a name the configuration lost refuses (it names, never shows, the key). */
    private String key(TicketTarget target) {
        if (target.routingKey() == null) {
            return routingKey;
        }
        String key = routingKeys.get(target.routingKey());
        if (key == null) {
            throw TicketSinkException.refused("PagerDuty (sink " + name + "): no routing key named "
                    + target.routingKey() + " in driftwatch.tickets.sinks." + name + ".routing-keys");
        }
        return key;
    }

    /** PagerDuty's severities are critical, error, warning and info. */
    static String severity(String driftwatch) {
        return switch (driftwatch == null ? "" : driftwatch.toLowerCase(Locale.ROOT)) {
            case "critical" -> "critical";
            case "high" -> "error";
            case "medium" -> "warning";
            default -> "info";
        };
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }
}
