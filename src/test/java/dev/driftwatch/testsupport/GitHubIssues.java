package dev.driftwatch.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Issues kept in memory behind WireMock, as GitHub's REST API documents them
 * (https://docs.github.com/en/rest/issues/issues: create, get, update, list a repository's issues by labels;
 * https://docs.github.com/en/rest/issues/comments: create a comment). Unlike a canned stub, an issue created here
 * exists whether or not its caller waited for the answer, so a create that timed out but succeeded is real, and
 * "one issue per finding" is counted in the issues, not in requests.
 */
public final class GitHubIssues implements AutoCloseable {

    /** An issue as GitHub holds it. */
    public record Issue(int number, String repository, String body, List<String> labels, String state, int comments) {}

    private static final Pattern PATH = Pattern.compile("/repos/([^/]+/[^/]+)/issues(?:/(\\d+))?(/comments)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Issue> issues = new ArrayList<>();
    private final WireMockServer server;
    private StubMapping down;

    public GitHubIssues() {
        server = new WireMockServer(
                wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new Api()));
        server.start();
        server.stubFor(any(urlPathMatching("/repos/.*"))
                .atPriority(5)
                .willReturn(aResponse().withTransformers("issues")));
    }

    public URI url() {
        return URI.create(server.baseUrl());
    }

    /** Every call answered 503 with {@code Retry-After: 1}, until {@link #up()}. */
    public void down() {
        down = server.stubFor(any(anyUrl())
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    }

    public void up() {
        server.removeStub(down);
    }

    /** Creates still create the issue, but answer only after {@code delay}. */
    public void slowCreates(Duration delay) {
        server.stubFor(post(urlPathMatching("/repos/[^/]+/[^/]+/issues"))
                .atPriority(2)
                .willReturn(aResponse().withFixedDelay((int) delay.toMillis()).withTransformers("issues")));
    }

    public synchronized List<Issue> issues() {
        return List.copyOf(issues);
    }

    /** The issues carrying this label. */
    public List<Issue> labelled(String label) {
        return issues().stream().filter(i -> i.labels().contains(label)).toList();
    }

    /** Creates of issues with this label that reached GitHub (not refused while it was down), answered or not. */
    public long createsOf(String label) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")
                        && e.getRequest().getUrl().matches("/repos/[^/]+/[^/]+/issues")
                        && e.getResponse().getStatus() == 201
                        && e.getRequest().getBodyAsString().contains("\"" + label + "\""))
                .count();
    }

    @Override
    public void close() {
        server.stop();
    }

    private synchronized ResponseDefinition answer(Request request) {
        Matcher path = PATH.matcher(URI.create(request.getUrl()).getPath());
        if (!path.matches()) {
            return status(404, "{\"message\": \"Not Found\"}");
        }
        String repository = path.group(1);
        String method = request.getMethod().getName();
        if (path.group(2) == null) {
            return "POST".equals(method) ? create(repository, body(request)) : list(repository, request);
        }
        int number = Integer.parseInt(path.group(2));
        int at = indexOf(repository, number);
        if (at < 0) {
            return status(404, "{\"message\": \"Not Found\"}");
        }
        Issue issue = issues.get(at);
        if (path.group(3) != null) {
            issues.set(
                    at,
                    new Issue(number, repository, issue.body(), issue.labels(), issue.state(), issue.comments() + 1));
            return status(201, "{\"id\": " + (number * 1000 + issue.comments() + 1) + "}");
        }
        if ("PATCH".equals(method)) {
            String state = body(request).path("state").asText(issue.state());
            issue = new Issue(number, repository, issue.body(), issue.labels(), state, issue.comments());
            issues.set(at, issue);
        }
        return status(200, json(issue).toString());
    }

    private ResponseDefinition create(String repository, JsonNode body) {
        List<String> labels = new ArrayList<>();
        body.path("labels").forEach(l -> labels.add(l.asText()));
        Issue issue = new Issue(issues.size() + 1, repository, body.path("body").asText(), labels, "open", 0);
        issues.add(issue);
        return status(201, json(issue).toString());
    }

    /** GET /repos/{owner}/{repo}/issues?labels=a,b&state=all: the issues carrying every label. */
    private ResponseDefinition list(String repository, Request request) {
        List<String> wanted = request.queryParameter("labels").isPresent()
                ? Arrays.asList(request.queryParameter("labels").firstValue().split(","))
                : List.of();
        ArrayNode found = JSON.createArrayNode();
        issues.stream()
                .filter(i -> i.repository().equals(repository) && i.labels().containsAll(wanted))
                .forEach(i -> found.add(json(i)));
        return status(200, found.toString());
    }

    private int indexOf(String repository, int number) {
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).repository().equals(repository) && issues.get(i).number() == number) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode json(Issue issue) {
        ObjectNode node = JSON.createObjectNode()
                .put("number", issue.number())
                .put("html_url", "https://github.com/" + issue.repository() + "/issues/" + issue.number())
                .put("state", issue.state())
                .put("body", issue.body());
        ArrayNode labels = node.putArray("labels");
        issue.labels().forEach(l -> labels.addObject().put("name", l));
        return node;
    }

    private static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinition status(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }

    /** The stubs' answer, from the issues above; a stub's delay is kept. */
    private final class Api implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ResponseDefinition answer = answer(event.getRequest());
            Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
            return delay == null
                    ? answer
                    : ResponseDefinitionBuilder.like(answer)
                            .withFixedDelay(delay)
                            .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "issues";
        }
    }
}
