package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;

/**
 * Jira Data Center (and Server), REST API v2 (https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/):
 * bodies in wiki markup ({@link WikiMarkup}; v2 renders {@code description} and comment {@code body} with the wiki
 * renderer, so Markdown sent as is would show its backticks and pipes, and its {@code -} could strike text), a
 * personal access token as bearer token
 * (https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html), JQL through
 * {@code POST /rest/api/2/search}, paged by {@code startAt}.
 */
final class JiraDataCenterSink extends JiraSink {

    private final String token;

    JiraDataCenterSink(String name, URI site, String token, Settings settings, TicketHttp http) {
        super(name, site, settings, http);
        this.token = token;
    }

    @Override
    String version() {
        return "2";
    }

    @Override
    String authorization() {
        return "Bearer " + token;
    }

    @Override
    JsonNode text(String text) {
        return TextNode.valueOf(WikiMarkup.from(text));
    }

    @Override
    String search() {
        return "search";
    }

    /** Past the issues seen so far, until {@code total}; a page with no issues ends it whatever the total says. */
    @Override
    boolean nextPage(ObjectNode query, JsonNode page) {
        int seen = page.path("startAt").asInt(0) + page.path("issues").size();
        if (page.path("issues").isEmpty() || seen >= page.path("total").asInt(0)) {
            return false;
        }
        query.put("startAt", seen);
        return true;
    }

    @Override
    String system() {
        return "Jira Data Center (sink " + name() + ")";
    }
}
