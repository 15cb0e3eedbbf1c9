package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured sinks by name, {@code builtin} always among them; built on first use (never in the one-shot check). */
@ApplicationScoped
public class TicketSinks {

    private static final URI GITHUB_API = URI.create("https://api.github.com");

    private final TicketConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private Map<String, TicketSink> byName;

    TicketSinks(TicketConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when no sink has that name */
    public TicketSink named(String name) {
        TicketSink sink = all().get(name);
        if (sink == null) {
            throw new IllegalArgumentException("no ticket sink named " + name + "; configured: " + all().keySet());
        }
        return sink;
    }

    public Set<String> names() {
        return all().keySet();
    }

    private synchronized Map<String, TicketSink> all() {
        if (byName == null) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(config.requestTimeout())
                    .build();
            TicketHttp http = new TicketHttp(client, json, config.requestTimeout(), clock);
            Map<String, TicketSink> sinks = new HashMap<>();
            sinks.put(BuiltinSink.NAME, new BuiltinSink());
            config.sinks().forEach((name, sink) -> sinks.put(name, build(name, sink, http)));
            byName = Map.copyOf(sinks);
        }
        return byName;
    }

    private TicketSink build(String name, TicketConfig.Sink sink, TicketHttp http) {
        return switch (sink.type()) {
            case BUILTIN -> new BuiltinSink();
            case GITHUB ->
                new GitHubSink(
                        name,
                        sink.url().orElse(GITHUB_API),
                        required(name, "repository", sink.repository().orElse(null)),
                        required(name, "token", sink.token().orElse(null)),
                        sink.labels().orElse(List.of()),
                        http);
            case WEBHOOK ->
                new WebhookSink(
                        name,
                        required(name, "url", sink.url().orElse(null)),
                        required(name, "secret", sink.secret().orElse(null)),
                        http,
                        clock);
        };
    }

    private static <T> T required(String sink, String property, T value) {
        if (value == null || value.toString().isBlank()) {
            // names the setting, never its value
            throw new IllegalArgumentException("driftwatch.tickets.sinks." + sink + "." + property + " is required");
        }
        return value;
    }
}
