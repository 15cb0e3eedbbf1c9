package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Jira Data Center sink against WireMock stubs written from the Jira Server platform REST API reference 9.12.0
 * (https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/: {@code POST /rest/api/2/issue}, {@code POST
 * /rest/api/2/issue/{key}/comment}, {@code GET}/{@code POST /rest/api/2/issue/{key}/transitions}, {@code GET
 * /rest/api/2/issue/{key}}, {@code POST /rest/api/2/search}), with a personal access token as bearer token
 * (https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html) and Data Center's rate
 * limiting (https://confluence.atlassian.com/adminjiraserver/improving-instance-stability-with-rate-limiting-983794911.html:
 * 429 with Retry-After). Descriptions and comments are wiki markup, the text formatting notation
 * (https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all).
 */
class JiraDataCenterSinkTest {

    private static final String PAT = "NDc4NzQ5MzI0Njk2-test-pat-never-logged";
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    private static final TicketSink.NewTicket TICKET = new TicketSink.NewTicket(
            42,
            FINGERPRINT,
            "[driftwatch] default SG: sg-1",
            "default SG `sg-1` allows **all** traffic\n\n| | |\n|---|---|\n| Severity | critical |",
            "critical",
            "111111111111/us-east-1/aws_security_group/sg-1",
            TicketTarget.NONE);
    private static final TicketSink.Existing OPS_24 = TicketSink.Existing.of("OPS-24");

    @RegisterExtension
    static WireMockExtension jira = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final JiraDataCenterSink sink = new JiraDataCenterSink(
            "dc",
            URI.create(jira.baseUrl() + "/jira"),
            PAT,
            new JiraSink.Settings(
                    "OPS",
                    "Bug",
                    List.of(),
                    List.of(),
                    Map.of("critical", "Blocker"),
                    "Close Issue",
                    List.of("Won't Fix")),
            new TicketHttp(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(2), Clock.systemUTC()));

    @Test
    void createsAnIssueWithAWikiMarkupDescriptionAndABearerToken() {
        jira.stubFor(post("/jira/rest/api/2/issue")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"id\": \"10000\", \"key\": \"OPS-24\","
                                + " \"self\": \"http://jira.acme.example/rest/api/2/issue/10000\"}")));

        assertThat(sink.create(TICKET))
                .isEqualTo(new TicketSink.Created("OPS-24", jira.baseUrl() + "/jira/browse/OPS-24"));

        jira.verify(postRequestedFor(urlEqualTo("/jira/rest/api/2/issue"))
                .withHeader("Authorization", equalTo("Bearer " + PAT))
                .withRequestBody(equalToJson("""
                        {"fields": {"project": {"key": "OPS"}, "issuetype": {"name": "Bug"},
                          "labels": ["driftwatch", "driftwatch-0123456789ab"], "priority": {"name": "Blocker"},
                          "description": "default SG {{sg-1}} allows *all* traffic\\n\\n|Severity|critical|\\n\\n%s"}}""".formatted(TICKET.ticketLine()), false, true)));
    }

    @Test
    void commentsInWikiMarkupAndClosesByTheNamedTransition() {
        jira.stubFor(post("/jira/rest/api/2/issue/OPS-24/comment")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": \"10000\"}")));
        jira.stubFor(get("/jira/rest/api/2/issue/OPS-24/transitions")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"expand\": \"transitions\", \"transitions\": [{\"id\": \"2\", \"name\": \"Close"
                                + " Issue\"}, {\"id\": \"711\", \"name\": \"QA Review\"}]}")));
        jira.stubFor(post("/jira/rest/api/2/issue/OPS-24/transitions")
                .willReturn(aResponse().withStatus(204)));

        sink.comment(OPS_24, "The finding changed (message changed).\n\n- `ingress`: `[]` → `[22]`");
        sink.close(OPS_24);

        jira.verify(postRequestedFor(urlEqualTo("/jira/rest/api/2/issue/OPS-24/comment"))
                .withRequestBody(equalToJson("""
                        {"body": "The finding changed (message changed).\\n\\n* {{ingress}}: {{\\\\[\\\\]}} → {{\\\\[22\\\\]}}"}""")));
        jira.verify(postRequestedFor(urlEqualTo("/jira/rest/api/2/issue/OPS-24/transitions"))
                .withHeader("Authorization", equalTo("Bearer " + PAT))
                .withRequestBody(equalToJson("{\"transition\": {\"id\": \"2\"}}")));
    }

    @Test
    void anIssueAPersonResolvedAsWontFixIsLeftAloneNotCommentedOn() {
        String issue = "{\"key\": \"OPS-24\", \"fields\": {\"status\": {\"name\": \"%s\", \"statusCategory\":"
                + " {\"key\": \"%s\"}}, \"resolution\": %s}}";
        jira.stubFor(get("/jira/rest/api/2/issue/OPS-24?fields=status,resolution")
                .inScenario("OPS-24")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(issue.formatted("Open", "new", "null"))));
        jira.stubFor(get("/jira/rest/api/2/issue/OPS-24?fields=status,resolution")
                .inScenario("OPS-24")
                .whenScenarioStateIs("won't fix")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(issue.formatted("Closed", "done", "{\"name\": \"Won't Fix\"}"))));
        jira.stubFor(post("/jira/rest/api/2/issue/OPS-24/comment")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": \"1\"}")));
        TicketCall call = new TicketCall(sink);

        call.run(comment(1));
        jira.setScenarioState("OPS-24", "won't fix"); // a person resolves it as Won't Fix
        TicketCall.ClosedByPerson closed =
                catchThrowableOfType(TicketCall.ClosedByPerson.class, () -> call.run(comment(2)));

        assertThat(closed.state()).isEqualTo(TicketState.WONT_DO);
        jira.verify(1, postRequestedFor(urlEqualTo("/jira/rest/api/2/issue/OPS-24/comment")));
        jira.verify(
                2,
                getRequestedFor(urlEqualTo("/jira/rest/api/2/issue/OPS-24?fields=status,resolution"))
                        .withHeader("Authorization", equalTo("Bearer " + PAT)));
    }

    @Test
    void findsTheIssueOfThisTicketByJql() {
        String ours = "{\"id\": \"10000\", \"key\": \"OPS-24\", \"fields\": {\"description\": \"x\\n\\n"
                + TICKET.ticketLine() + "\"}}";
        jira.stubFor(post("/jira/rest/api/2/search")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"startAt\": 0, \"maxResults\": 50, \"total\": 1, \"issues\": [" + ours + "]}")));

        assertThat(sink.find(TICKET))
                .isEqualTo(Optional.of(new TicketSink.Created("OPS-24", jira.baseUrl() + "/jira/browse/OPS-24")));
        jira.verify(postRequestedFor(urlEqualTo("/jira/rest/api/2/search"))
                .withRequestBody(matchingJsonPath(
                        "$.jql", equalTo("labels = \"driftwatch-0123456789ab\" ORDER BY created DESC"))));
    }

    /** "Search for issues using JQL (POST)": pages by {@code startAt} until {@code total}. */
    @Test
    void findsTheIssueOnTheSecondPageByStartAt() {
        String issue = "{\"id\": \"%1$d\", \"key\": \"OPS-%1$d\", \"fields\": {\"description\": \"x\\n\\n"
                + "driftwatch ticket %1$d, fingerprint " + FINGERPRINT + "\"}}";
        String firstPage = IntStream.range(100, 150).mapToObj(issue::formatted).collect(Collectors.joining(", "));
        jira.stubFor(post("/jira/rest/api/2/search")
                .withRequestBody(notContaining("startAt"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"startAt\": 0, \"maxResults\": 50, \"total\": 51, \"issues\": [" + firstPage
                                + "]}")));
        jira.stubFor(post("/jira/rest/api/2/search")
                .withRequestBody(matchingJsonPath("$.startAt", equalTo("50")))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"startAt\": 50, \"maxResults\": 50, \"total\": 51, \"issues\": ["
                                + issue.formatted(42) + "]}")));

        assertThat(sink.find(TICKET))
                .isEqualTo(Optional.of(new TicketSink.Created("OPS-42", jira.baseUrl() + "/jira/browse/OPS-42")));
        jira.verify(2, postRequestedFor(urlEqualTo("/jira/rest/api/2/search")));
        jira.verify(postRequestedFor(urlEqualTo("/jira/rest/api/2/search"))
                .withRequestBody(equalToJson("{\"startAt\": 50, \"maxResults\": 50}", false, true)));

        TicketSink.NewTicket other = new TicketSink.NewTicket(
                43, FINGERPRINT, TICKET.title(), TICKET.body(), "critical", TICKET.resource(), TicketTarget.NONE);
        jira.resetRequests();
        assertThat(sink.find(other)).isEmpty();
        jira.verify(2, postRequestedFor(urlEqualTo("/jira/rest/api/2/search")));
    }

    @Test
    void aRateLimitWaitsAndBadCredentialsFailWithJirasMessageAndNoToken() {
        jira.stubFor(post("/jira/rest/api/2/issue/OPS-24/comment")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "40")));
        TicketSinkException limited = catchThrowableOfType(TicketSinkException.class, () -> sink.comment(OPS_24, "x"));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(40));

        jira.stubFor(post("/jira/rest/api/2/issue")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"errorMessages\": [\"You are not authenticated. Authentication required to perform"
                                + " this operation.\"], \"errors\": {}}")));
        TicketSinkException refused = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage())
                .isEqualTo("Jira Data Center (sink dc) answered 401: You are not authenticated. Authentication"
                        + " required to perform this operation.")
                .doesNotContain(PAT);
    }

    private static TicketQueue.Taken comment(long actionId) {
        return new TicketQueue.Taken(
                actionId,
                42,
                "dc",
                ActionKind.COMMENT,
                new TicketText(null, "The finding changed (message changed)."),
                1,
                FINGERPRINT,
                "OPS-24",
                true,
                TICKET.title(),
                "critical",
                TICKET.resource(),
                TicketTarget.NONE);
    }
}
