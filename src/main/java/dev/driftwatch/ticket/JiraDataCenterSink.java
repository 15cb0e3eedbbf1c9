package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;

/**
 * Jira Data Center (and Server), REST API v2 (https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/):
 * bodies in wiki markup ({@link WikiMarkup}; v2 renders {@code description} and comment {@code body} with the wiki
 * renderer, so Markdown sent as is would show its backticks and pipes, and its {@code -} could strike text), a personal access token as bearer token
 * (https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html), JQL through
 * {@code POST /rest/api/2/search}.
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

    @Override
    String system() {
        return "Jira Data Center (sink " + name() + ")";
    }
}
