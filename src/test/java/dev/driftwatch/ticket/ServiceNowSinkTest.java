package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ServiceNow sink against WireMock stubs written from the Table API reference
 * (https://docs.servicenow.com/bundle/washingtondc-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html:
 * {@code POST /api/now/table/{tableName}}, {@code GET /api/now/table/{tableName}} with {@code sysparm_query},
 * {@code GET} and {@code PATCH /api/now/table/{tableName}/{sys_id}}; answers wrapped in {@code result}, errors as
 * {@code {"error": {"message", "detail"}, "status": "failure"}}), the incident's states (6 Resolved, 7 Closed, 8
 * Canceled) and rate limiting (https://docs.servicenow.com/bundle/washingtondc-api-reference/page/integrate/inbound-rest/concept/inbound-REST-API-rate-limiting.html:
 * 429 with Retry-After).
 */
class ServiceNowSinkTest {

    private static final String PASSWORD = "snow-test-password-never-logged";
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString(("driftwatch:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String SYS_ID = "9d385017c611228701d22104cc95c371";
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    private static final TicketSink.NewTicket TICKET = new TicketSink.NewTicket(
            42,
            FINGERPRINT,
            "[driftwatch] default SG: sg-1",
            "default SG sg-1 allows traffic",
            "high",
            "111111111111/us-east-1/aws_security_group/sg-1",
            TicketTarget.NONE);
    private static final TicketSink.Existing INCIDENT = TicketSink.Existing.of(SYS_ID);
    private static final String INCIDENT_PATH = "/api/now/table/incident/" + SYS_ID;
    /** As "Create a record" answers: the whole record in {@code result}, cut to what matters here. */
    private static final String CREATED = "{\"result\": {\"sys_id\": \"" + SYS_ID + "\", \"number\": \"INC0010002\","
            + " \"state\": \"1\", \"correlation_id\": \"" + FINGERPRINT + "\"}}";

    @RegisterExtension
    static WireMockExtension snow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ServiceNowSink sink = new ServiceNowSink(
            "itsm",
            URI.create(snow.baseUrl()),
            BASIC,
            new ServiceNowSink.Settings(
                    "Cloud Operations",
                    "comments",
                    "Solution provided",
                    List.of("Not Solved (Too Costly)"),
                    ServiceNowLevels.configured("itsm", Map.of("LOW", "2"), Map.of())),
            new TicketHttp(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(2), Clock.systemUTC()));

    @Test
    void opensAnIncidentCorrelatedByTheFingerprintInItsAssignmentGroup() {
        snow.stubFor(post("/api/now/table/incident")
                .willReturn(aResponse().withStatus(201).withBody(CREATED)));

        assertThat(sink.create(TICKET))
                .isEqualTo(new TicketSink.Created(
                        SYS_ID, snow.baseUrl() + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + SYS_ID));

        snow.verify(postRequestedFor(urlEqualTo("/api/now/table/incident"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"short_description": "[driftwatch] default SG: sg-1",
                         "description": "default SG sg-1 allows traffic\\n\\n%s",
                         "correlation_id": "%s", "correlation_display": "driftwatch",
                         "assignment_group": "Cloud Operations", "impact": "2", "urgency": "1"}""".formatted(TICKET.ticketLine(), FINGERPRINT))));
    }

    /**
     * The incident's impact and urgency (1 High, 2 Medium, 3 Low) from the severity, as the incident table's fields
     * and ServiceNow's priority lookup rules have them
     * (https://www.servicenow.com/docs/r/it-service-management/incident-management/def-prio-lookup-rules.html: 1/1
     * Critical, 1/2 and 2/1 High, 2/2 Moderate, 3/3 Planning); the sink's {@code impacts.low=2} over the default; no
     * severity, or one driftwatch has no level for, sends neither.
     */
    @Test
    void impactAndUrgencyComeFromTheSeverityAndAreLeftOutWithoutOne() {
        snow.stubFor(post("/api/now/table/incident")
                .willReturn(aResponse().withStatus(201).withBody(CREATED)));
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("critical", "{\"impact\": \"1\", \"urgency\": \"1\"}");
        sent.put("MEDIUM", "{\"impact\": \"2\", \"urgency\": \"2\"}");
        sent.put("low", "{\"impact\": \"2\", \"urgency\": \"3\"}");

        sent.forEach((severity, levels) -> {
            snow.resetRequests();
            sink.create(withSeverity(severity));
            snow.verify(postRequestedFor(urlEqualTo("/api/now/table/incident"))
                    .withRequestBody(equalToJson(levels, false, true)));
        });
        for (String none : Arrays.asList(null, "informational")) {
            snow.resetRequests();
            sink.create(withSeverity(none));
            snow.verify(postRequestedFor(urlEqualTo("/api/now/table/incident"))
                    .withRequestBody(notContaining("\"impact\""))
                    .withRequestBody(notContaining("\"urgency\"")));
        }
    }

    @Test
    void aLevelThatIsNotOneTwoOrThreeIsNamedAtStart() {
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> ServiceNowLevels.configured("itsm", Map.of(), Map.of("high", "High")));

        assertThat(e.getMessage())
                .isEqualTo("driftwatch.tickets.sinks.itsm.urgencies.high is High; ServiceNow's levels are 1 (high), 2"
                        + " (medium) and 3 (low)");
    }

    private static TicketSink.NewTicket withSeverity(String severity) {
        return new TicketSink.NewTicket(
                42, FINGERPRINT, TICKET.title(), TICKET.body(), severity, TICKET.resource(), TicketTarget.NONE);
    }

    @Test
    void aRouteNamesAnotherAssignmentGroup() {
        snow.stubFor(post("/api/now/table/incident")
                .willReturn(aResponse().withStatus(201).withBody(CREATED)));

        sink.create(new TicketSink.NewTicket(
                42,
                FINGERPRINT,
                TICKET.title(),
                TICKET.body(),
                "high",
                TICKET.resource(),
                new TicketTarget(null, null, null, "Payments", null)));

        snow.verify(postRequestedFor(urlEqualTo("/api/now/table/incident"))
                .withRequestBody(equalToJson("{\"assignment_group\": \"Payments\"}", false, true)));
    }

    @Test
    void commentsThroughTheCommentsFieldAndResolvesWithCloseCodeAndNotes() {
        snow.stubFor(patch(urlEqualTo(INCIDENT_PATH))
                .willReturn(aResponse().withStatus(200).withBody(CREATED)));

        sink.comment(INCIDENT, "The finding changed (message changed).");
        sink.close(INCIDENT);

        snow.verify(patchRequestedFor(urlEqualTo(INCIDENT_PATH))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"comments\": \"The finding changed (message changed).\"}")));
        snow.verify(patchRequestedFor(urlEqualTo(INCIDENT_PATH))
                .withRequestBody(equalToJson("{\"state\": \"6\", \"close_code\": \"Solution provided\","
                        + " \"close_notes\": \"Resolved by driftwatch: a complete scan no longer finds this.\"}")));
    }

    @Test
    void anIncidentAPersonResolvedIsClosedAndOneClosedAsTooCostlyOrCancelledIsWontDo() {
        String incident = "{\"result\": {\"state\": \"%s\", \"close_code\": \"%s\"}}";
        String read = INCIDENT_PATH + "?sysparm_fields=state,close_code";
        stub(read, Scenario.STARTED, incident.formatted("2", ""));
        stub(read, "resolved", incident.formatted("6", "Solution provided"));
        stub(read, "too costly", incident.formatted("7", "Not Solved (Too Costly)"));
        stub(read, "cancelled", incident.formatted("8", ""));

        assertThat(sink.state(INCIDENT)).isEqualTo(TicketState.OPEN);
        snow.setScenarioState(SYS_ID, "resolved"); // a person resolves it
        assertThat(sink.state(INCIDENT)).isEqualTo(TicketState.CLOSED);
        snow.setScenarioState(SYS_ID, "too costly");
        assertThat(sink.state(INCIDENT)).isEqualTo(TicketState.WONT_DO);
        snow.setScenarioState(SYS_ID, "cancelled");
        assertThat(sink.state(INCIDENT)).isEqualTo(TicketState.WONT_DO);
        snow.verify(4, getRequestedFor(urlEqualTo(read)).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void anIncidentReadWithoutAStateIsNeverClosed() {
        snow.stubFor(get(urlEqualTo(INCIDENT_PATH + "?sysparm_fields=state,close_code"))
                .willReturn(aResponse().withStatus(200).withBody("{\"result\": {}}")));

        assertThat(catchThrowableOfType(TicketSinkException.class, () -> sink.state(INCIDENT))
                        .retryable())
                .isTrue();
    }

    @Test
    void findsTheIncidentOfThisTicketByCorrelationId() {
        String earlier =
                "{\"sys_id\": \"1111\", \"number\": \"INC1\", \"description\": \"driftwatch ticket 7, fingerprint "
                        + FINGERPRINT + "\"}";
        String ours = "{\"sys_id\": \"" + SYS_ID + "\", \"number\": \"INC2\", \"description\": \"x\\n\\n"
                + TICKET.ticketLine() + "\"}";
        snow.stubFor(get(urlPathEqualTo("/api/now/table/incident"))
                .willReturn(aResponse().withStatus(200).withBody("{\"result\": [" + earlier + ", " + ours + "]}")));

        assertThat(sink.find(TICKET).orElseThrow().externalId()).isEqualTo(SYS_ID);
        snow.verify(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))
                .withQueryParam("sysparm_query", equalTo("correlation_id=" + FINGERPRINT)));

        snow.stubFor(get(urlPathEqualTo("/api/now/table/incident"))
                .willReturn(aResponse().withStatus(200).withBody("{\"result\": [" + earlier + "]}")));
        assertThat(sink.find(TICKET)).isEmpty();
    }

    @Test
    void aRateLimitIsTriedAgainAfterRetryAfter() {
        snow.stubFor(post("/api/now/table/incident")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "60")
                        .withBody("{\"error\": {\"message\": \"Rate limit exceeded\", \"detail\": null},"
                                + " \"status\": \"failure\"}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void badCredentialsFailForGoodWithServiceNowsMessageAndNoPassword() {
        snow.stubFor(post("/api/now/table/incident")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\": {\"message\": \"User Not Authenticated\", \"detail\": \"Required to"
                                + " provide Auth information\"}, \"status\": \"failure\"}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo("ServiceNow (sink itsm) answered 401: User Not Authenticated; Required to provide Auth"
                        + " information")
                .doesNotContain(PASSWORD)
                .doesNotContain(BASIC.substring(6));
    }

    private static void stub(String url, String state, String body) {
        snow.stubFor(get(urlEqualTo(url))
                .inScenario(SYS_ID)
                .whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody(body)));
    }
}
