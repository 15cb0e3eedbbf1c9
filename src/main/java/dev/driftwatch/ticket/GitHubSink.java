package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub Issues through the REST API (https://docs.github.com/en/rest/issues/issues,
 * https://docs.github.com/en/rest/issues/comments): an issue per ticket, labelled {@code driftwatch} and with the
 * finding's marker label, its body carrying a hidden comment with driftwatch's ticket id; closed as completed. An
 * issue a person closed as {@code not_planned} is "won't do". A route may name another repository. Assignees are set
 * at creation only: after that they are people's to change.
 */
final class GitHubSink implements TicketSink {

    static final String API_VERSION = "2022-11-28";

    private final String name;
    private final URI api;
    private final String repository;
    private final String token;
    private final List<String> labels;
    private final List<String> assignees;
    private final TicketHttp http;

    GitHubSink(
            String name,
            URI api,
            String repository,
            String token,
            List<String> labels,
            List<String> assignees,
            TicketHttp http) {
        this.name = name;
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
        this.repository = repository;
        this.token = token;
        this.labels = List.copyOf(labels);
        this.assignees = List.copyOf(assignees);
        this.http = http;
    }

    @Override
    public Created create(NewTicket ticket) {
        ObjectNode body = http.json().createObjectNode();
        body.put("title", ticket.title());
        body.put("body", ticket.body() + "\n\n" + hiddenMarker(ticket));
        List<String> all = new ArrayList<>(labels);
        all.add("driftwatch");
        all.add(ticket.marker());
        all.stream().distinct().forEach(body.withArray("labels")::add);
        if (!assignees.isEmpty()) {
            assignees.forEach(body.withArray("assignees")::add);
        }
        return created(http.send(system(ticket.target()), post(repository(ticket.target()), "issues", body)));
    }

    @Override
    public void comment(Existing ticket, String text) {
        ObjectNode body = http.json().createObjectNode().put("body", text);
        http.send(
                system(ticket.target()),
                post(repository(ticket.target()), "issues/" + ticket.externalId() + "/comments", body));
    }

    @Override
    public void close(Existing ticket) {
        ObjectNode body = http.json().createObjectNode().put("state", "closed").put("state_reason", "completed");
        http.send(
                system(ticket.target()),
                request(repository(ticket.target()), "issues/" + ticket.externalId())
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Override
    public TicketState state(Existing ticket) {
        JsonNode issue = http.send(
                system(ticket.target()),
                request(repository(ticket.target()), "issues/" + ticket.externalId())
                        .GET());
        if (!"closed".equals(issue.path("state").asText())) {
            return TicketState.OPEN;
        }
        return "not_planned".equals(issue.path("state_reason").asText()) ? TicketState.WONT_DO : TicketState.CLOSED;
    }

    @Override
    public Optional<Created> find(NewTicket ticket) {
        String query =
                "issues?state=all&per_page=100&labels=" + URLEncoder.encode(ticket.marker(), StandardCharsets.UTF_8);
        JsonNode issues = http.send(
                system(ticket.target()),
                request(repository(ticket.target()), query).GET());
        for (JsonNode issue : issues) {
            if (issue.path("body").asText("").contains(hiddenMarker(ticket))) {
                return Optional.of(created(issue));
            }
        }
        return Optional.empty();
    }

    /** Not shown when GitHub renders the body; it tells this ticket from earlier ones of the same finding. */
    static String hiddenMarker(NewTicket ticket) {
        return "<!-- driftwatch:ticket=" + ticket.ticketId() + " fingerprint=" + ticket.fingerprint() + " -->";
    }

    private static Created created(JsonNode issue) {
        return new Created(issue.path("number").asText(), issue.path("html_url").asText(null));
    }

    private String system(TicketTarget target) {
        return "GitHub (sink " + name + ", " + repository(target) + ")";
    }

    private String repository(TicketTarget target) {
        return TicketTarget.or(target.repository(), repository);
    }

    private HttpRequest.Builder post(String repository, String path, JsonNode body) {
        return request(repository, path).POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private HttpRequest.Builder request(String repository, String path) {
        return HttpRequest.newBuilder(api.resolve("repos/" + repository + "/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "driftwatch")
                .header("Content-Type", "application/json");
    }
}
