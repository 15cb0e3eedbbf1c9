package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.GitHubStub;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.TicketProfile;
import dev.driftwatch.testsupport.TicketSystemsStub;
import dev.driftwatch.testsupport.TicketedFindings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jira Cloud, ServiceNow and PagerDuty sinks through the running service: their configuration and routes
 * ({@link TicketProfile}: one account each, with the route's override), a finding event for a violation whose policy
 * says {@code ticket} taken by {@link TicketIntake} as the finding consumer hands it over, the ticket opened once as
 * the system's documentation describes it, and closed once a resolution event comes. Stubs, as in the sinks' unit
 * tests: Jira Cloud REST v3 (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/,
 * .../api-group-issue-comments/), ServiceNow's Table API
 * (https://docs.servicenow.com/bundle/washingtondc-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html),
 * PagerDuty's Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/,
 * https://developer.pagerduty.com/docs/events-api-v2/resolve-alerts/).
 */
@QuarkusTest
@TestProfile(TicketProfile.class)
@WithTestResource(KafkaBroker.class)
@WithTestResource(GitHubStub.class)
class TicketSinksIT {

    private static final String JIRA = "/jira/rest/api/3/issue";
    private static final String INCIDENTS = "/servicenow/api/now/table/incident";
    private static final String SYS_ID = "9d385017c611228701d22104cc95c371";
    private static final String ENQUEUE = "/pagerduty/v2/enqueue";

    private final WireMockServer systems = TicketSystemsStub.server();

    @Inject
    TicketIntake intake;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        systems.resetAll();
    }

    @Test
    void jiraCloudIssueLabelledWithTheMarkerThenCommentedAndTransitionedWhenResolved() {
        systems.stubFor(post(JIRA)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"id\": \"10024\", \"key\": \"OPS-24\", \"self\": \"x\"}")));
        systems.stubFor(get(urlPathEqualTo(JIRA + "/OPS-24"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"key\": \"OPS-24\", \"fields\": {\"status\": {\"statusCategory\": {\"key\":"
                                + " \"indeterminate\"}}, \"resolution\": null}}")));
        systems.stubFor(post(JIRA + "/OPS-24/comment")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": \"1\"}")));
        systems.stubFor(get(JIRA + "/OPS-24/transitions")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"transitions\": [{\"id\": \"31\", \"name\": \"Done\"}]}")));
        systems.stubFor(
                post(JIRA + "/OPS-24/transitions").willReturn(aResponse().withStatus(204)));
        FindingView finding = finding(TicketSystemsStub.JIRA_ACCOUNT);

        open(finding, "OPS-24");
        systems.verify(1, postRequestedFor(urlEqualTo(JIRA)));
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("driftwatch@acme.example:" + TicketSystemsStub.JIRA_TOKEN)
                                .getBytes(StandardCharsets.UTF_8));
        systems.verify(postRequestedFor(urlEqualTo(JIRA))
                .withHeader("Authorization", equalTo(basic))
                .withRequestBody(equalToJson("""
                        {"fields": {"project": {"key": "OPS"}, "issuetype": {"name": "Task"},
                          "labels": ["driftwatch", "%s"], "components": [{"name": "payments-api"}],
                          "priority": {"name": "High"}, "description": {"type": "doc", "version": 1}}}""".formatted(marker(finding)), false, true)));

        resolve(finding, postRequestedFor(urlEqualTo(JIRA + "/OPS-24/transitions")));
        systems.verify(postRequestedFor(urlEqualTo(JIRA + "/OPS-24/transitions"))
                .withRequestBody(equalToJson("{\"transition\": {\"id\": \"31\"}}")));
        systems.verify(1, postRequestedFor(urlEqualTo(JIRA + "/OPS-24/comment")));
    }

    @Test
    void serviceNowIncidentCorrelatedByTheFingerprintThenResolved() {
        String incident =
                "{\"result\": {\"sys_id\": \"" + SYS_ID + "\", \"number\": \"INC0010002\", \"state\": \"%s\"}}";
        systems.stubFor(post(INCIDENTS).willReturn(aResponse().withStatus(201).withBody(incident.formatted("1"))));
        systems.stubFor(get(urlPathEqualTo(INCIDENTS + "/" + SYS_ID))
                .willReturn(aResponse().withStatus(200).withBody(incident.formatted("2"))));
        systems.stubFor(patch(urlEqualTo(INCIDENTS + "/" + SYS_ID))
                .willReturn(aResponse().withStatus(200).withBody(incident.formatted("6"))));
        FindingView finding = finding(TicketSystemsStub.SERVICENOW_ACCOUNT);

        open(finding, SYS_ID);
        systems.verify(1, postRequestedFor(urlEqualTo(INCIDENTS)));
        systems.verify(postRequestedFor(urlEqualTo(INCIDENTS))
                .withRequestBody(equalToJson("""
                        {"correlation_id": "%s", "correlation_display": "driftwatch",
                         "assignment_group": "Payments", "impact": "2", "urgency": "1"}""".formatted(finding.fingerprint()), false, true)));

        RequestPatternBuilder resolved = patchRequestedFor(urlEqualTo(INCIDENTS + "/" + SYS_ID))
                .withRequestBody(equalToJson("{\"state\": \"6\", \"close_code\": \"Solution provided\"}", false, true));
        resolve(finding, resolved);
        systems.verify(1, resolved);
    }

    @Test
    void pagerDutyAlertTriggeredByDedupKeyOnTheRoutesKeyThenResolved() {
        systems.stubFor(post(ENQUEUE)
                .willReturn(aResponse()
                        .withStatus(202)
                        .withBody("{\"status\": \"success\", \"message\": \"Event processed\"}")));
        FindingView finding = finding(TicketSystemsStub.PAGERDUTY_ACCOUNT);

        open(finding, finding.fingerprint());
        RequestPatternBuilder trigger = postRequestedFor(urlEqualTo(ENQUEUE))
                .withRequestBody(matchingJsonPath("$.event_action", equalTo("trigger")));
        systems.verify(1, trigger);
        systems.verify(trigger.withRequestBody(equalToJson(
                """
                {"routing_key": "%s", "dedup_key": "%s", "client": "driftwatch",
                 "payload": {"severity": "error", "source": "%s/us-east-1/aws_security_group/sg-1"}}""".formatted(TicketSystemsStub.PAGERDUTY_PAYMENTS_KEY, finding.fingerprint(), finding.account()),
                false,
                true)));

        RequestPatternBuilder resolved = postRequestedFor(urlEqualTo(ENQUEUE))
                .withRequestBody(
                        equalToJson("""
                        {"routing_key": "%s", "event_action": "resolve", "dedup_key": "%s"}""".formatted(TicketSystemsStub.PAGERDUTY_PAYMENTS_KEY, finding.fingerprint())));
        resolve(finding, resolved);
        systems.verify(1, resolved);
        assertThat(given().get("/api/tickets").asString()).doesNotContain(TicketSystemsStub.PAGERDUTY_PAYMENTS_KEY);
    }

    /** The finding's event, twice (a redelivery), and its one ticket once the system took it. */
    private void open(FindingView finding, String externalId) {
        intake.receive(new FindingEvent(FindingEvent.Change.OPENED, finding));
        intake.receive(new FindingEvent(FindingEvent.Change.OPENED, finding));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tickets(finding).stream().anyMatch(t -> externalId.equals(t.get("externalId"))));
        assertThat(tickets(finding)).hasSize(1);
    }

    /** A complete scan's resolution event, and the system's close call once the worker made it. */
    private void resolve(FindingView finding, RequestPatternBuilder close) {
        intake.receive(new FindingEvent(FindingEvent.Change.RESOLVED, resolved(finding)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !systems.findAll(close).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of("CLOSED")
                .equals(tickets(finding).stream().map(t -> t.get("status")).toList()));
    }

    private static String marker(FindingView finding) {
        return "driftwatch-" + finding.fingerprint().substring(0, 12);
    }

    private static List<Map<String, Object>> tickets(FindingView finding) {
        return given().queryParam("fingerprint", finding.fingerprint())
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    /** A high violation of a policy in {@code ticket} mode, in the account routed to one system. */
    private static FindingView finding(String account) {
        return TicketedFindings.open(
                account, "sg-1", "high", "default security group sg-1 has 1 ingress and 1 egress rules");
    }

    private static FindingView resolved(FindingView f) {
        return TicketedFindings.next(f, FindingStatus.RESOLVED, f.message());
    }
}
