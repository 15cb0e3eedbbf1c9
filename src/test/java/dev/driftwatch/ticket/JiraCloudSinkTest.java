package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Jira Cloud sink against WireMock stubs written from Atlassian's REST API v3 documentation: "Issues"
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/: create issue, get issue, get
 * transitions, transition issue), "Issue comments" (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/:
 * add comment), "Issue search" (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/:
 * search for issues using JQL enhanced search, POST), basic authentication with an API token
 * (https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/), the Atlassian Document Format
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/) and rate limiting
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/: 429 with Retry-After).
 */
class JiraCloudSinkTest {

    private static final String EMAIL = "driftwatch@acme.example";
    private static final String API_TOKEN = "ATATT3xFfGF0-test-token-never-logged";
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    private static final TicketSink.NewTicket TICKET = new TicketSink.NewTicket(
            42,
            FINGERPRINT,
            "[driftwatch] default SG: sg-1",
            "default SG sg-1 allows traffic\n\n| Severity | high |",
            "high",
            "111111111111/us-east-1/aws_security_group/sg-1",
            TicketTarget.NONE);
    private static final TicketSink.Existing OPS_24 = TicketSink.Existing.of("OPS-24");
    /** From the documentation's "Create issue" example response. */
    private static final String CREATED =
            "{\"id\": \"10000\", \"key\": \"OPS-24\", \"self\": \"https://acme.atlassian.net/rest/api/3/issue/10000\"}";
    /** From "Get transitions": the workflow's transitions from the issue's status. */
    private static final String TRANSITIONS = """
            {"expand": "transitions", "transitions": [
              {"id": "11", "name": "To Do", "to": {"name": "To Do", "statusCategory": {"key": "new"}}},
              {"id": "31", "name": "Done", "to": {"name": "Done", "statusCategory": {"key": "done"}}}]}""";

    @RegisterExtension
    static WireMockExtension jira = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final JiraCloudSink sink = new JiraCloudSink(
            "ops",
            URI.create(jira.baseUrl()),
            EMAIL,
            API_TOKEN,
            new JiraSink.Settings(
                    "OPS",
                    "Task",
                    List.of("security"),
                    List.of("cloud"),
                    Map.of("critical", "Highest", "high", "High"),
                    "Done",
                    List.of("Won't Do")),
            new TicketHttp(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(2), Clock.systemUTC()));

    @Test
    void createsAnIssueWithPriorityLabelsComponentsAndAnAdfDescription() {
        jira.stubFor(
                post("/rest/api/3/issue").willReturn(aResponse().withStatus(201).withBody(CREATED)));

        assertThat(sink.create(TICKET)).isEqualTo(new TicketSink.Created("OPS-24", jira.baseUrl() + "/browse/OPS-24"));

        jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"fields": {"project": {"key": "OPS"}, "issuetype": {"name": "Task"},
                          "summary": "[driftwatch] default SG: sg-1",
                          "labels": ["security", "driftwatch", "driftwatch-0123456789ab"],
                          "components": [{"name": "cloud"}], "priority": {"name": "High"}}}""", false, true))
                .withRequestBody(matchingJsonPath("$.fields.description.type", equalTo("doc")))
                .withRequestBody(matchingJsonPath("$.fields.description.version", equalTo("1")))
                .withRequestBody(matchingJsonPath(
                        "$.fields.description.content[0].content[0].text", equalTo("default SG sg-1 allows traffic")))
                .withRequestBody(matchingJsonPath(
                        "$.fields.description.content[2].content[0].text", equalTo(TICKET.ticketLine()))));
    }

    @Test
    void aRouteNamesAnotherProjectAndOneMoreComponentAndAnUnmappedSeverityKeepsTheDefaultPriority() {
        jira.stubFor(
                post("/rest/api/3/issue").willReturn(aResponse().withStatus(201).withBody(CREATED)));

        sink.create(new TicketSink.NewTicket(
                42,
                FINGERPRINT,
                TICKET.title(),
                TICKET.body(),
                "low",
                TICKET.resource(),
                new TicketTarget("PAY", "payments-api", null, null, null)));

        jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withRequestBody(equalToJson(
                        "{\"fields\": {\"project\": {\"key\": \"PAY\"},"
                                + " \"components\": [{\"name\": \"cloud\"}, {\"name\": \"payments-api\"}]}}",
                        false,
                        true))
                .withRequestBody(notContaining("\"priority\"")));
    }

    @Test
    void commentsInAdfAndClosesByTheConfiguredTransition() {
        jira.stubFor(post("/rest/api/3/issue/OPS-24/comment")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": \"10000\"}")));
        jira.stubFor(get("/rest/api/3/issue/OPS-24/transitions")
                .willReturn(aResponse().withStatus(200).withBody(TRANSITIONS)));
        jira.stubFor(post("/rest/api/3/issue/OPS-24/transitions")
                .willReturn(aResponse().withStatus(204)));

        sink.comment(OPS_24, "The finding changed (message changed).");
        sink.close(OPS_24);

        jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/issue/OPS-24/comment"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("""
                        {"body": {"type": "doc", "version": 1, "content": [{"type": "paragraph",
                          "content": [{"type": "text", "text": "The finding changed (message changed)."}]}]}}""")));
        jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/issue/OPS-24/transitions"))
                .withRequestBody(equalToJson("{\"transition\": {\"id\": \"31\"}}")));
    }

    @Test
    void aWorkflowWithoutTheTransitionFailsSayingWhichItHas() {
        jira.stubFor(get("/rest/api/3/issue/OPS-24/transitions")
                .willReturn(aResponse().withStatus(200).withBody(TRANSITIONS.replace("\"Done\"", "\"Resolve\""))));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.close(OPS_24));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo("Jira Cloud (sink ops): OPS-24 has no transition named 'Done' (it has [To Do, Resolve]);"
                        + " set close-transition");
        jira.verify(0, postRequestedFor(urlEqualTo("/rest/api/3/issue/OPS-24/transitions")));
    }

    @Test
    void aPersonClosingTheIssueIsSeenAndWontDoIsToldApart() {
        String issue = "{\"id\": \"10000\", \"key\": \"OPS-24\", \"fields\": {\"status\": {\"name\": \"%s\","
                + " \"statusCategory\": {\"key\": \"%s\"}}, \"resolution\": %s}}";
        jira.stubFor(get("/rest/api/3/issue/OPS-24?fields=status,resolution")
                .inScenario("OPS-24")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse().withStatus(200).withBody(issue.formatted("In Progress", "indeterminate", "null"))));
        jira.stubFor(get("/rest/api/3/issue/OPS-24?fields=status,resolution")
                .inScenario("OPS-24")
                .whenScenarioStateIs("done")
                .willReturn(
                        aResponse().withStatus(200).withBody(issue.formatted("Done", "done", "{\"name\": \"Done\"}"))));
        jira.stubFor(get("/rest/api/3/issue/OPS-24?fields=status,resolution")
                .inScenario("OPS-24")
                .whenScenarioStateIs("won't do")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(issue.formatted("Done", "done", "{\"name\": \"Won't Do\"}"))));

        assertThat(sink.state(OPS_24)).isEqualTo(TicketState.OPEN);
        jira.setScenarioState("OPS-24", "done"); // a person moves it to Done
        assertThat(sink.state(OPS_24)).isEqualTo(TicketState.CLOSED);
        jira.setScenarioState("OPS-24", "won't do"); // ... or resolves it as Won't Do
        assertThat(sink.state(OPS_24)).isEqualTo(TicketState.WONT_DO);
    }

    @Test
    void aFailedStatusReadIsNeverClosed() {
        jira.stubFor(get("/rest/api/3/issue/OPS-24?fields=status,resolution")
                .willReturn(aResponse().withStatus(503)));
        assertThat(catchThrowableOfType(TicketSinkException.class, () -> sink.state(OPS_24))
                        .retryable())
                .isTrue();

        jira.stubFor(get("/rest/api/3/issue/OPS-24?fields=status,resolution")
                .willReturn(aResponse().withStatus(200).withBody("{\"key\": \"OPS-24\", \"fields\": {}}")));
        assertThat(catchThrowableOfType(TicketSinkException.class, () -> sink.state(OPS_24))
                        .retryable())
                .isTrue();
    }

    @Test
    void findsTheIssueOfThisTicketByItsMarkerLabel() {
        String earlier = "{\"id\": \"9\", \"key\": \"OPS-9\", \"fields\": {\"description\": {\"type\": \"doc\","
                + " \"version\": 1, \"content\": [{\"type\": \"paragraph\", \"content\": [{\"type\": \"text\","
                + " \"text\": \"driftwatch ticket 7, fingerprint " + FINGERPRINT + "\"}]}]}}}";
        String ours = earlier.replace("OPS-9", "OPS-24").replace("ticket 7", "ticket 42");
        jira.stubFor(post("/rest/api/3/search/jql")
                .willReturn(aResponse().withStatus(200).withBody("{\"issues\": [" + earlier + ", " + ours + "]}")));

        assertThat(sink.find(TICKET)).contains(new TicketSink.Created("OPS-24", jira.baseUrl() + "/browse/OPS-24"));
        jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/search/jql"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath(
                        "$.jql", equalTo("labels = \"driftwatch-0123456789ab\" ORDER BY created DESC")))
                .withRequestBody(equalToJson("{\"fields\": [\"description\"]}", false, true)));

        jira.stubFor(post("/rest/api/3/search/jql")
                .willReturn(aResponse().withStatus(200).withBody("{\"issues\": [" + earlier + "]}")));
        assertThat(sink.find(TICKET)).isEmpty();
    }

    /**
     * "Search for issues using JQL enhanced search (POST)": a page's {@code nextPageToken} is sent back for the next
     * page, and the last page has none (and {@code isLast: true}).
     */
    @Test
    void findsTheIssueOnTheSecondPageByNextPageToken() {
        String earlier = "{\"id\": \"9\", \"key\": \"OPS-9\", \"fields\": {\"description\": {\"type\": \"doc\","
                + " \"version\": 1, \"content\": [{\"type\": \"paragraph\", \"content\": [{\"type\": \"text\","
                + " \"text\": \"driftwatch ticket 7, fingerprint " + FINGERPRINT + "\"}]}]}}}";
        String ours = earlier.replace("OPS-9", "OPS-24").replace("ticket 7", "ticket 42");
        jira.stubFor(post("/rest/api/3/search/jql")
                .withRequestBody(notContaining("nextPageToken"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"issues\": [" + earlier
                                + "], \"nextPageToken\": \"CAEaAggD\", \"isLast\": false}")));
        jira.stubFor(post("/rest/api/3/search/jql")
                .withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("CAEaAggD")))
                .willReturn(aResponse().withStatus(200).withBody("{\"issues\": [" + ours + "], \"isLast\": true}")));

        assertThat(sink.find(TICKET)).contains(new TicketSink.Created("OPS-24", jira.baseUrl() + "/browse/OPS-24"));
        jira.verify(2, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
        jira.verify(postRequestedFor(urlEqualTo("/rest/api/3/search/jql"))
                .withRequestBody(equalToJson(
                        "{\"nextPageToken\": \"CAEaAggD\", \"maxResults\": 50, \"fields\": [\"description\"]}",
                        false,
                        true)));

        jira.resetRequests();
        jira.stubFor(post("/rest/api/3/search/jql")
                .withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("CAEaAggD")))
                .willReturn(aResponse().withStatus(200).withBody("{\"issues\": [], \"isLast\": true}")));
        assertThat(sink.find(TICKET)).isEmpty();
        jira.verify(2, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
    }

    @Test
    void aRateLimitIsTriedAgainAfterRetryAfter() {
        jira.stubFor(post("/rest/api/3/issue")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "25")
                        .withBody("{\"errorMessages\": [\"Rate limit exceeded.\"], \"errors\": {}}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(25));
    }

    @Test
    void aBadProjectFailsForGoodWithJirasMessageAndNoCredentials() {
        jira.stubFor(post("/rest/api/3/issue")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody(
                                "{\"errorMessages\": [], \"errors\": {\"project\": \"valid project is required\"}}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo("Jira Cloud (sink ops) answered 400: project: valid project is required")
                .doesNotContain(API_TOKEN)
                .doesNotContain(BASIC.substring(6));
    }
}
