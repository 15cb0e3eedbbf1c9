package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GitHub sink against WireMock stubs written from GitHub's REST documentation: "Issues"
 * (https://docs.github.com/en/rest/issues/issues: create an issue, update an issue, list repository issues) and
 * "Issue comments" (https://docs.github.com/en/rest/issues/comments: create an issue comment), with the headers
 * GitHub asks for (https://docs.github.com/en/rest/about-the-rest-api/api-versions) and its error bodies
 * (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).
 */
class GitHubSinkTest {

    private static final String TOKEN = "ghp_test-token-never-logged-0000000000";
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    private static final TicketSink.NewTicket TICKET = new TicketSink.NewTicket(
            42,
            FINGERPRINT,
            "[driftwatch] default SG: sg-1",
            "default SG sg-1 allows traffic",
            "medium",
            "111111111111/us-east-1/aws_security_group/sg-1",
            TicketTarget.NONE);
    private static final TicketSink.Existing ISSUE_1347 = TicketSink.Existing.of("1347");
    /** From the documentation's "Create an issue" example response, cut to the fields driftwatch reads. */
    private static final String CREATED = """
            {"id": 1, "node_id": "MDU6SXNzdWUx", "url": "https://api.github.com/repos/acme/infra/issues/1347",
             "html_url": "https://github.com/acme/infra/issues/1347", "number": 1347, "state": "open",
             "title": "[driftwatch] default SG: sg-1", "body": "default SG sg-1 allows traffic"}""";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final GitHubSink sink = sink(Duration.ofSeconds(2));

    private GitHubSink sink(Duration timeout) {
        return new GitHubSink(
                "platform",
                URI.create(github.baseUrl()),
                "acme/infra",
                TOKEN,
                List.of("security"),
                List.of("octocat"),
                new TicketHttp(HttpClient.newHttpClient(), new ObjectMapper(), timeout, Clock.systemUTC()));
    }

    @Test
    void createsAnIssueWithItsLabelsAndAHiddenMarker() {
        github.stubFor(post("/repos/acme/infra/issues")
                .willReturn(aResponse().withStatus(201).withBody(CREATED)));

        assertThat(sink.create(TICKET))
                .isEqualTo(new TicketSink.Created("1347", "https://github.com/acme/infra/issues/1347"));

        github.verify(postRequestedFor(urlEqualTo("/repos/acme/infra/issues"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(matchingJsonPath("$.title", equalTo("[driftwatch] default SG: sg-1")))
                .withRequestBody(equalToJson(
                        "{\"labels\": [\"security\", \"driftwatch\", \"driftwatch-0123456789ab\"],"
                                + " \"assignees\": [\"octocat\"]}",
                        false,
                        true))
                .withRequestBody(matchingJsonPath(
                        "$.body", containing("<!-- driftwatch:ticket=42 fingerprint=" + FINGERPRINT + " -->"))));
    }

    @Test
    void aRouteThatNamesAnotherRepositoryOpensCommentsAndClosesThere() {
        TicketTarget payments = new TicketTarget(null, null, "acme/payments", null, null);
        github.stubFor(post("/repos/acme/payments/issues")
                .willReturn(aResponse().withStatus(201).withBody(CREATED.replace("infra", "payments"))));
        github.stubFor(post("/repos/acme/payments/issues/1347/comments")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": 1}")));

        TicketSink.Created created = sink.create(new TicketSink.NewTicket(
                42, FINGERPRINT, TICKET.title(), TICKET.body(), "medium", TICKET.resource(), payments));
        sink.comment(new TicketSink.Existing("1347", FINGERPRINT, TICKET.title(), "medium", null, payments), "x");

        assertThat(created.url()).isEqualTo("https://github.com/acme/payments/issues/1347");
        github.verify(postRequestedFor(urlEqualTo("/repos/acme/payments/issues/1347/comments")));
        github.verify(0, postRequestedFor(urlEqualTo("/repos/acme/infra/issues")));
    }

    @Test
    void commentsAndClosesAsCompleted() {
        github.stubFor(post("/repos/acme/infra/issues/1347/comments")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": 1, \"body\": \"x\"}")));
        github.stubFor(patch(urlEqualTo("/repos/acme/infra/issues/1347"))
                .willReturn(aResponse().withStatus(200).withBody(CREATED.replace("\"open\"", "\"closed\""))));

        sink.comment(ISSUE_1347, "The finding changed (message changed).");
        sink.close(ISSUE_1347);

        github.verify(postRequestedFor(urlEqualTo("/repos/acme/infra/issues/1347/comments"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"body\": \"The finding changed (message changed).\"}")));
        github.verify(patchRequestedFor(urlEqualTo("/repos/acme/infra/issues/1347"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(equalToJson("{\"state\": \"closed\", \"state_reason\": \"completed\"}")));
    }

    @Test
    void tellsAnIssueAPersonClosedFromOneClosedAsNotPlanned() {
        github.stubFor(get(urlEqualTo("/repos/acme/infra/issues/1347"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(CREATED.replace("\"open\"", "\"closed\", \"state_reason\": \"completed\""))));
        github.stubFor(get(urlEqualTo("/repos/acme/infra/issues/1348"))
                .willReturn(aResponse().withStatus(200).withBody(CREATED.replace("1347", "1348"))));
        github.stubFor(get(urlEqualTo("/repos/acme/infra/issues/1349"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(CREATED.replace("\"open\"", "\"closed\", \"state_reason\": \"not_planned\""))));

        assertThat(sink.state(ISSUE_1347)).isEqualTo(TicketState.CLOSED);
        assertThat(sink.state(TicketSink.Existing.of("1348"))).isEqualTo(TicketState.OPEN);
        assertThat(sink.state(TicketSink.Existing.of("1349"))).isEqualTo(TicketState.WONT_DO);
        github.verify(getRequestedFor(urlEqualTo("/repos/acme/infra/issues/1347"))
                .withHeader("Accept", equalTo("application/vnd.github+json")));
    }

    @Test
    void theResolutionsCloseLeavesAnIssueAPersonClosedAsNotPlannedAsItIs() {
        github.stubFor(get(urlEqualTo("/repos/acme/infra/issues/1347"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(CREATED.replace("\"open\"", "\"closed\", \"state_reason\": \"not_planned\""))));
        github.stubFor(patch(urlEqualTo("/repos/acme/infra/issues/1347"))
                .willReturn(aResponse().withStatus(200).withBody(CREATED)));
        TicketQueue.Taken close = new TicketQueue.Taken(
                3,
                42,
                "platform",
                ActionKind.CLOSE,
                new TicketText(null, null),
                1,
                FINGERPRINT,
                "1347",
                false,
                TICKET.title(),
                TICKET.severity(),
                TICKET.resource(),
                TicketTarget.NONE);

        assertThat(new TicketCall(sink).run(close)).isEmpty();

        github.verify(0, patchRequestedFor(urlEqualTo("/repos/acme/infra/issues/1347")));
    }

    @Test
    void findsTheIssueOfThisTicketByItsLabelAndMarker() {
        String earlier = CREATED.replace("1347", "1200")
                .replace("\"body\": \"default SG sg-1 allows traffic\"", "\"body\": \"<!-- driftwatch:ticket=7 -->\"");
        String ours = CREATED.replace(
                "\"body\": \"default SG sg-1 allows traffic\"",
                "\"body\": \"x\\n\\n" + GitHubSink.hiddenMarker(TICKET) + "\"");
        github.stubFor(get(urlPathEqualTo("/repos/acme/infra/issues"))
                .willReturn(aResponse().withStatus(200).withBody("[" + earlier + "," + ours + "]")));

        assertThat(sink.find(TICKET))
                .contains(new TicketSink.Created("1347", "https://github.com/acme/infra/issues/1347"));
        github.verify(getRequestedFor(urlPathEqualTo("/repos/acme/infra/issues"))
                .withQueryParam("labels", equalTo("driftwatch-0123456789ab"))
                .withQueryParam("state", equalTo("all")));

        github.stubFor(get(urlPathEqualTo("/repos/acme/infra/issues"))
                .willReturn(aResponse().withStatus(200).withBody("[" + earlier + "]")));
        assertThat(sink.find(TICKET)).isEmpty();
    }

    @Test
    void aRateLimitIsTriedAgainAfterRetryAfter() {
        github.stubFor(post("/repos/acme/infra/issues")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1)).after(1, e.retryAfter()))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theExhaustedPrimaryRateLimitWaitsForItsReset() {
        long reset = Clock.systemUTC().instant().getEpochSecond() + 600;
        github.stubFor(post("/repos/acme/infra/issues")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", Long.toString(reset))
                        .withBody("{\"message\": \"API rate limit exceeded for user ID 1.\"}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter().orElseThrow()).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600));
    }

    @Test
    void serverErrorsAreTriedAgain() {
        github.stubFor(post("/repos/acme/infra/issues").willReturn(aResponse().withStatus(502)));

        assertThat(catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET))
                        .retryable())
                .isTrue();
    }

    @Test
    void notFoundAndBadCredentialsFailWithGitHubsMessageAndNoToken() {
        github.stubFor(
                post("/repos/acme/infra/issues")
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody(
                                                "{\"message\": \"Not Found\", \"documentation_url\":"
                                                        + " \"https://docs.github.com/rest/issues/issues#create-an-issue\", \"status\": \"404\"}")));
        TicketSinkException notFound = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));
        assertThat(notFound.retryable()).isFalse();
        assertThat(notFound.getMessage()).isEqualTo("GitHub (sink platform, acme/infra) answered 404: Not Found");

        github.stubFor(post("/repos/acme/infra/issues/1347/comments")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"message\": \"Bad credentials\", \"documentation_url\":"
                                + " \"https://docs.github.com/rest\", \"status\": \"401\"}")));
        TicketSinkException unauthorized =
                catchThrowableOfType(TicketSinkException.class, () -> sink.comment(ISSUE_1347, "x"));
        assertThat(unauthorized.retryable()).isFalse();
        assertThat(unauthorized.getMessage())
                .endsWith("answered 401: Bad credentials")
                .doesNotContain(TOKEN);
    }

    @Test
    void aCreateThatTimedOutButSucceededIsFoundNotCreatedTwice() {
        String ours = CREATED.replace(
                "\"body\": \"default SG sg-1 allows traffic\"",
                "\"body\": \"x\\n\\n" + GitHubSink.hiddenMarker(TICKET) + "\"");
        github.stubFor(post("/repos/acme/infra/issues")
                .willReturn(aResponse().withStatus(201).withBody(CREATED).withFixedDelay(4_000)));
        github.stubFor(get(urlPathEqualTo("/repos/acme/infra/issues"))
                .willReturn(aResponse().withStatus(200).withBody("[" + ours + "]")));
        GitHubSink impatient = sink(Duration.ofSeconds(1));
        TicketQueue.Taken first = new TicketQueue.Taken(
                1,
                42,
                "platform",
                ActionKind.CREATE,
                new TicketText(TICKET.title(), TICKET.body()),
                1,
                FINGERPRINT,
                null,
                true,
                TICKET.title(),
                TICKET.severity(),
                TICKET.resource(),
                TicketTarget.NONE);

        TicketSinkException timedOut =
                catchThrowableOfType(TicketSinkException.class, () -> new TicketCall(impatient).run(first));
        assertThat(timedOut.retryable()).isTrue();

        TicketQueue.Taken second = new TicketQueue.Taken(
                1,
                42,
                "platform",
                ActionKind.CREATE,
                new TicketText(TICKET.title(), TICKET.body()),
                2,
                FINGERPRINT,
                null,
                true,
                TICKET.title(),
                TICKET.severity(),
                TICKET.resource(),
                TicketTarget.NONE);
        assertThat(new TicketCall(impatient).run(second))
                .isEqualTo(Optional.of(new TicketSink.Created("1347", "https://github.com/acme/infra/issues/1347")));
        github.verify(1, postRequestedFor(urlEqualTo("/repos/acme/infra/issues")));
    }
}
