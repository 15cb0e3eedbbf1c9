package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ServiceNow incidents through the Table API
 * (https://docs.servicenow.com/bundle/washingtondc-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html):
 * {@code POST /api/now/table/incident} with {@code correlation_id} = the fingerprint and {@code impact} and
 * {@code urgency} from the severity ({@link ServiceNowLevels}), comments by {@code PATCH} of
 * the configured journal field, resolved (state 6) with a close code and notes; found again by
 * {@code sysparm_query=correlation_id=<fingerprint>}. Resolved (6) and closed (7) incidents were closed by a person;
 * cancelled (8), or closed with a configured close code, as won't do.
 */
final class ServiceNowSink implements TicketSink {

    private static final Set<String> CLOSED = Set.of("6", "7");
    private static final String CANCELLED = "8";

    /** What every incident of the sink gets; a route may name another assignment group. */
    record Settings(
            String assignmentGroup,
            String commentField,
            String closeCode,
            List<String> wontDoCloseCodes,
            ServiceNowLevels levels) {

        Settings {
            wontDoCloseCodes = List.copyOf(wontDoCloseCodes);
        }
    }

    private final String name;
    private final URI instance;
    private final String authorization;
    private final Settings settings;
    private final Set<String> wontDo;
    private final TicketHttp http;

    ServiceNowSink(String name, URI instance, String authorization, Settings settings, TicketHttp http) {
        this.name = name;
        this.instance = URI.create(instance.toString().replaceAll("/+$", "") + "/");
        this.authorization = authorization;
        this.settings = settings;
        this.wontDo = settings.wontDoCloseCodes().stream()
                .map(c -> c.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.http = http;
    }

    @Override
    public Created create(NewTicket ticket) {
        ObjectNode body = http.json()
                .createObjectNode()
                .put("short_description", ticket.title())
                .put("description", ticket.body() + "\n\n" + ticket.ticketLine())
                .put("correlation_id", ticket.fingerprint())
                .put("correlation_display", "driftwatch");
        String group = TicketTarget.or(ticket.target().assignmentGroup(), settings.assignmentGroup());
        if (group != null) {
            body.put("assignment_group", group);
        }
        settings.levels().apply(body, ticket.severity());
        return created(http.send(system(), request("").POST(HttpRequest.BodyPublishers.ofString(body.toString())))
                .path("result"));
    }

    @Override
    public void comment(Existing ticket, String text) {
        patch(ticket, http.json().createObjectNode().put(settings.commentField(), text));
    }

    @Override
    public void close(Existing ticket) {
        patch(
                ticket,
                http.json()
                        .createObjectNode()
                        .put("state", "6")
                        .put("close_code", settings.closeCode())
                        .put("close_notes", "Resolved by driftwatch: a complete scan no longer finds this."));
    }

    @Override
    public TicketState state(Existing ticket) {
        JsonNode incident = http.send(
                        system(),
                        request("/" + ticket.externalId() + "?sysparm_fields=state,close_code")
                                .GET())
                .path("result");
        String state = incident.path("state").asText("");
        if (state.isEmpty()) {
            // fail closed: an answer without a state is not "closed"
            throw TicketSinkException.retry(system() + " sent an incident without a state", Optional.empty());
        }
        if (CANCELLED.equals(state)
                || (CLOSED.contains(state)
                        && wontDo.contains(
                                incident.path("close_code").asText("").toLowerCase(Locale.ROOT)))) {
            return TicketState.WONT_DO;
        }
        return CLOSED.contains(state) ? TicketState.CLOSED : TicketState.OPEN;
    }

    @Override
    public Optional<Created> find(NewTicket ticket) {
        String query = URLEncoder.encode("correlation_id=" + ticket.fingerprint(), StandardCharsets.UTF_8);
        JsonNode found = http.send(
                        system(),
                        request("?sysparm_query=" + query
                                        + "&sysparm_fields=sys_id,number,description&sysparm_limit=100")
                                .GET())
                .path("result");
        for (JsonNode incident : found) {
            if (incident.path("description").asText("").contains(ticket.ticketLine())) {
                return Optional.of(created(incident));
            }
        }
        return Optional.empty();
    }

    private void patch(Existing ticket, ObjectNode body) {
        http.send(
                system(),
                request("/" + ticket.externalId())
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Created created(JsonNode incident) {
        String id = incident.path("sys_id").asText();
        return new Created(
                id,
                instance.resolve("nav_to.do?uri=incident.do%3Fsys_id%3D" + id).toString());
    }

    private String system() {
        return "ServiceNow (sink " + name + ")";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(instance.resolve("api/now/table/incident" + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }
}
