package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Jira Cloud, REST API v3 (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/): bodies
 * in the Atlassian Document Format, basic authentication with an account's email and API token
 * (https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/), JQL through
 * {@code POST /rest/api/3/search/jql}
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post),
 * paged by {@code nextPageToken}.
 */
final class JiraCloudSink extends JiraSink {

    private final String authorization;

    JiraCloudSink(String name, URI site, String email, String apiToken, Settings settings, TicketHttp http) {
        super(name, site, settings, http);
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    String version() {
        return "3";
    }

    @Override
    String authorization() {
        return authorization;
    }

    @Override
    JsonNode text(String text) {
        return Adf.document(http.json(), text);
    }

    @Override
    String search() {
        return "search/jql";
    }

    /**
     * The token of the next page; the last page has none (or says {@code isLast}, JRACLOUD-92184), and a token
     * sent back unchanged would only loop.
     */
    @Override
    boolean nextPage(ObjectNode query, JsonNode page) {
        String token = page.path("nextPageToken").asText("");
        if (token.isEmpty()
                || page.path("isLast").asBoolean(false)
                || token.equals(query.path("nextPageToken").asText())) {
            return false;
        }
        query.put("nextPageToken", token);
        return true;
    }

    @Override
    String system() {
        return "Jira Cloud (sink " + name() + ")";
    }
}
