package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jira issues, the part Cloud (REST v3) and Data Center (REST v2) share: an issue per ticket in a project, with
 * its priority from the finding's severity, the labels {@code driftwatch} and the finding's marker, and a line in
 * the description with driftwatch's ticket id; found again by a JQL search on the marker; closed by a named
 * workflow transition. An issue in the "done" status category was closed; with a configured resolution, as won't do.
 */
abstract class JiraSink implements TicketSink {

    static final int PAGE = 50;

    /** What every issue of the sink gets; a route may name another project and one more component. */
    record Settings(
            String project,
            String issueType,
            List<String> labels,
            List<String> components,
            Map<String, String> priorities,
            String closeTransition,
            List<String> wontDoResolutions) {

        Settings {
            labels = List.copyOf(labels);
            components = List.copyOf(components);
            priorities = priorities.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
            wontDoResolutions = List.copyOf(wontDoResolutions);
        }
    }

    private final String name;
    private final URI site;
    private final Settings settings;
    private final Set<String> wontDo;
    protected final TicketHttp http;

    JiraSink(String name, URI site, Settings settings, TicketHttp http) {
        this.name = name;
        this.site = URI.create(site.toString().replaceAll("/+$", "") + "/");
        this.settings = settings;
        this.wontDo = settings.wontDoResolutions().stream()
                .map(r -> r.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.http = http;
    }

    /** {@code 3} (Cloud) or {@code 2} (Data Center). */
    abstract String version();

    /** The {@code Authorization} header's value. */
    abstract String authorization();

    /** A description's or comment's body: an ADF document (Cloud) or wiki markup (Data Center). */
    abstract JsonNode text(String text);

    /** The search resource under {@code /rest/api/<version>/}: {@code search/jql} (Cloud) or {@code search}. */
    abstract String search();

    abstract String system();

    @Override
    public Created create(NewTicket ticket) {
        ObjectNode fields = http.json().createObjectNode();
        fields.putObject("project").put("key", TicketTarget.or(ticket.target().project(), settings.project()));
        fields.putObject("issuetype").put("name", settings.issueType());
        fields.put("summary", ticket.title());
        fields.set("description", text(ticket.body() + "\n\n" + ticket.ticketLine()));
        List<String> labels = new ArrayList<>(settings.labels());
        labels.add("driftwatch");
        labels.add(ticket.marker());
        labels.stream().distinct().forEach(fields.putArray("labels")::add);
        List<String> components = new ArrayList<>(settings.components());
        Optional.ofNullable(ticket.target().component()).ifPresent(components::add);
        if (!components.isEmpty()) {
            ArrayNode array = fields.putArray("components");
            components.stream().distinct().forEach(c -> array.addObject().put("name", c));
        }
        Optional.ofNullable(ticket.severity())
                .map(s -> settings.priorities().get(s.toLowerCase(Locale.ROOT)))
                .ifPresent(priority -> fields.putObject("priority").put("name", priority));
        ObjectNode body = http.json().createObjectNode();
        body.set("fields", fields);
        return created(http.send(system(), post("issue", body)));
    }

    @Override
    public void comment(Existing ticket, String text) {
        ObjectNode body = http.json().createObjectNode();
        body.set("body", text(text));
        http.send(system(), post("issue/" + ticket.externalId() + "/comment", body));
    }

    @Override
    public void close(Existing ticket) {
        String issue = "issue/" + ticket.externalId() + "/transitions";
        JsonNode transitions = http.send(system(), request(issue).GET()).path("transitions");
        for (JsonNode transition : transitions) {
            if (settings.closeTransition()
                    .equalsIgnoreCase(transition.path("name").asText())) {
                ObjectNode body = http.json().createObjectNode();
                body.putObject("transition").put("id", transition.path("id").asText());
                http.send(system(), post(issue, body));
                return;
            }
        }
        List<String> names = new ArrayList<>();
        transitions.forEach(t -> names.add(t.path("name").asText()));
        throw TicketSinkException.refused(system() + ": " + ticket.externalId() + " has no transition named '"
                + settings.closeTransition() + "' (it has " + names + "); set close-transition");
    }

    @Override
    public TicketState state(Existing ticket) {
        JsonNode fields = http.send(
                        system(),
                        request("issue/" + ticket.externalId() + "?fields=status,resolution")
                                .GET())
                .path("fields");
        String category =
                fields.path("status").path("statusCategory").path("key").asText("");
        if (category.isEmpty()) {
            // fail closed: an answer without a status is not "closed"
            throw TicketSinkException.retry(
                    system() + " sent " + ticket.externalId() + " without a status", Optional.empty());
        }
        if (!"done".equals(category)) {
            return TicketState.OPEN;
        }
        String resolution = fields.path("resolution").path("name").asText("").toLowerCase(Locale.ROOT);
        return wontDo.contains(resolution) ? TicketState.WONT_DO : TicketState.CLOSED;
    }

    /**
     * Every page of the marker's issues until this ticket's is found: a finding reopened many times has many
     * (the newest first), and the one a lost answer created may be past the first page.
     */
    @Override
    public Optional<Created> find(NewTicket ticket) {
        ObjectNode query = http.json()
                .createObjectNode()
                .put("jql", "labels = \"" + ticket.marker() + "\" ORDER BY created DESC")
                .put("maxResults", PAGE);
        query.putArray("fields").add("description");
        while (true) {
            JsonNode page = http.send(system(), post(search(), query));
            for (JsonNode issue : page.path("issues")) {
                if (issue.path("fields").path("description").toString().contains(ticket.ticketLine())) {
                    return Optional.of(created(issue));
                }
            }
            if (!nextPage(query, page)) {
                return Optional.empty();
            }
        }
    }

    /**
     * Moves {@code query} on to the page after {@code page}; false when that was the last. Cloud's search/jql pages
     * by {@code nextPageToken}, Data Center's search by {@code startAt}.
     */
    abstract boolean nextPage(ObjectNode query, JsonNode page);

    private Created created(JsonNode issue) {
        String key = issue.path("key").asText();
        return new Created(key, site.resolve("browse/" + key).toString());
    }

    protected String name() {
        return name;
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(site.resolve("rest/api/" + version() + "/" + path))
                .header("Authorization", authorization())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }
}
