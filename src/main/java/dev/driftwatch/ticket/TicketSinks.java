package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured sinks by name, {@code builtin} always among them; built on first use (never in the one-shot check). */
@ApplicationScoped
public class TicketSinks {

    private static final URI GITHUB_API = URI.create("https://api.github.com");
    private static final URI PAGERDUTY_EVENTS = URI.create("https://events.pagerduty.com");

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
                        sink.assignees().orElse(List.of()),
                        http);
            case JIRA_CLOUD ->
                new JiraCloudSink(
                        name,
                        required(name, "url", sink.url().orElse(null)),
                        required(name, "email", sink.email().orElse(null)),
                        required(name, "token", sink.token().orElse(null)),
                        jira(name, sink),
                        http);
            case JIRA_DATA_CENTER ->
                new JiraDataCenterSink(
                        name,
                        required(name, "url", sink.url().orElse(null)),
                        required(name, "token", sink.token().orElse(null)),
                        jira(name, sink),
                        http);
            case SERVICENOW ->
                new ServiceNowSink(
                        name,
                        required(name, "url", sink.url().orElse(null)),
                        serviceNowAuthorization(name, sink),
                        new ServiceNowSink.Settings(
                                sink.assignmentGroup().orElse(null),
                                sink.commentField(),
                                sink.closeCode(),
                                sink.wontDoCloseCodes().orElse(List.of()),
                                ServiceNowLevels.configured(name, sink.impacts(), sink.urgencies())),
                        http);
            case PAGERDUTY ->
                new PagerDutySink(
                        name,
                        sink.url().orElse(PAGERDUTY_EVENTS),
                        required(name, "routing-key", sink.routingKey().orElse(null)),
                        sink.routingKeys(),
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

    private static JiraSink.Settings jira(String name, TicketConfig.Sink sink) {
        return new JiraSink.Settings(
                required(name, "project", sink.project().orElse(null)),
                sink.issueType(),
                sink.labels().orElse(List.of()),
                sink.components().orElse(List.of()),
                sink.priorities(),
                sink.closeTransition(),
                sink.wontDoResolutions());
    }

    /** Basic with username and password when a username is set, else the bearer token. */
    private static String serviceNowAuthorization(String name, TicketConfig.Sink sink) {
        if (sink.username().isPresent()) {
            String password = required(name, "password", sink.password().orElse(null));
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((sink.username().get() + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return "Bearer "
                + required(
                        name, "token (or username and password)", sink.token().orElse(null));
    }

    private static <T> T required(String sink, String property, T value) {
        if (value == null || value.toString().isBlank()) {
            // names the setting, never its value
            throw new IllegalArgumentException("driftwatch.tickets.sinks." + sink + "." + property + " is required");
        }
        return value;
    }
}
