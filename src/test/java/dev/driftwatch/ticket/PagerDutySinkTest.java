package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PagerDuty sink against WireMock stubs written from the Events API v2 documentation: "Send an Alert Event"
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/: {@code POST /v2/enqueue}, {@code
 * routing_key}, {@code event_action}, {@code dedup_key}, {@code payload.summary/source/severity}; 202 {@code
 * {"status": "success", "message": "Event processed", "dedup_key"}}; 400 {@code {"status": "invalid event",
 * "message", "errors"}}; 429 when throttled), "Resolve an alert"
 * (https://developer.pagerduty.com/docs/events-api-v2/resolve-alerts/) and "Overview" on deduplication
 * (https://developer.pagerduty.com/docs/events-api-v2/overview/: a trigger with the dedup_key of an open alert is
 * folded into it; of a resolved one, opens a new incident).
 */
class PagerDutySinkTest {

    private static final String ROUTING_KEY = "R0ut1ngK3yTest0000000000000000aa";
    private static final String PAYMENTS_KEY = "Paym3ntsK3yTest00000000000000bb";
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";
    private static final String ACCEPTED =
            "{\"status\": \"success\", \"message\": \"Event processed\", \"dedup_key\": \"" + FINGERPRINT + "\"}";
    private static final TicketSink.NewTicket TICKET = new TicketSink.NewTicket(
            42,
            FINGERPRINT,
            "[driftwatch] default SG: sg-1",
            "default SG sg-1 allows traffic",
            "high",
            "111111111111/us-east-1/aws_security_group/sg-1",
            TicketTarget.NONE);
    private static final TicketSink.Existing ALERT = new TicketSink.Existing(
            FINGERPRINT, FINGERPRINT, TICKET.title(), "critical", TICKET.resource(), TicketTarget.NONE);

    @RegisterExtension
    static WireMockExtension pagerDuty = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final PagerDutySink sink = new PagerDutySink(
            "oncall",
            URI.create(pagerDuty.baseUrl()),
            ROUTING_KEY,
            Map.of("payments", PAYMENTS_KEY),
            new TicketHttp(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(2), Clock.systemUTC()));

    @Test
    void triggersAnAlertDeduplicatedByTheFingerprint() {
        pagerDuty.stubFor(
                post("/v2/enqueue").willReturn(aResponse().withStatus(202).withBody(ACCEPTED)));

        assertThat(sink.create(TICKET)).isEqualTo(new TicketSink.Created(FINGERPRINT, null));

        pagerDuty.verify(postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s", "client": "driftwatch",
                         "payload": {"summary": "[driftwatch] default SG: sg-1",
                                     "source": "111111111111/us-east-1/aws_security_group/sg-1",
                                     "severity": "error", "component": "driftwatch",
                                     "custom_details": {"fingerprint": "%s", "details": "default SG sg-1 allows traffic"}}}""".formatted(ROUTING_KEY, FINGERPRINT, FINGERPRINT))));
    }

    @Test
    void aMaterialChangeTriggersAgainWithTheSameDedupKeyAndTheResolutionResolves() {
        pagerDuty.stubFor(
                post("/v2/enqueue").willReturn(aResponse().withStatus(202).withBody(ACCEPTED)));

        sink.comment(ALERT, "The finding changed (severity high → critical).");
        sink.close(ALERT);

        pagerDuty.verify(postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.event_action", equalTo("trigger")))
                .withRequestBody(matchingJsonPath("$.dedup_key", equalTo(FINGERPRINT)))
                .withRequestBody(matchingJsonPath("$.payload.severity", equalTo("critical")))
                .withRequestBody(matchingJsonPath("$.payload.custom_details.details", containing("severity high"))));
        pagerDuty.verify(postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withRequestBody(equalToJson("{\"routing_key\": \"" + ROUTING_KEY
                        + "\", \"event_action\": \"resolve\", \"dedup_key\": \"" + FINGERPRINT + "\"}")));
    }

    @Test
    void aRouteNamesAnotherRoutingKeyAndAnUnknownNameIsRefusedWithoutShowingAnyKey() {
        pagerDuty.stubFor(
                post("/v2/enqueue").willReturn(aResponse().withStatus(202).withBody(ACCEPTED)));
        TicketTarget payments = new TicketTarget(null, null, null, null, "payments");

        sink.close(new TicketSink.Existing(FINGERPRINT, FINGERPRINT, "t", "high", "r", payments));
        pagerDuty.verify(postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.routing_key", equalTo(PAYMENTS_KEY))));

        TicketSinkException e = catchThrowableOfType(
                TicketSinkException.class,
                () -> sink.close(new TicketSink.Existing(
                        FINGERPRINT,
                        FINGERPRINT,
                        "t",
                        "high",
                        "r",
                        new TicketTarget(null, null, null, null, "billing"))));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo("PagerDuty (sink oncall): no routing key named billing in"
                        + " driftwatch.tickets.sinks.oncall.routing-keys")
                .doesNotContain(ROUTING_KEY)
                .doesNotContain(PAYMENTS_KEY);
    }

    @Test
    void anIncidentAPersonResolvedCannotBeSeenSoTheNextChangeTriggersANewOne() {
        // the person resolves the incident in PagerDuty; the Events API has nothing to read that from
        pagerDuty.stubFor(post("/v2/enqueue")
                .inScenario("incident")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202).withBody(ACCEPTED))
                .willSetStateTo("resolved by a person"));
        pagerDuty.stubFor(post("/v2/enqueue")
                .inScenario("incident")
                .whenScenarioStateIs("resolved by a person")
                .willReturn(aResponse().withStatus(202).withBody(ACCEPTED)));

        sink.create(TICKET);
        assertThat(sink.state(ALERT)).isEqualTo(TicketState.OPEN);
        sink.comment(ALERT, "The finding changed (message changed).");
        assertThat(sink.find(TICKET))
                .as("a second trigger is folded into the open alert: safe to send")
                .isEmpty();

        pagerDuty.verify(
                2,
                postRequestedFor(urlEqualTo("/v2/enqueue"))
                        .withRequestBody(matchingJsonPath("$.dedup_key", equalTo(FINGERPRINT))));
    }

    @Test
    void throttlingIsTriedAgainAfterRetryAfter() {
        pagerDuty.stubFor(post("/v2/enqueue")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "15")
                        .withBody("{\"status\": \"throttle event\", \"message\": \"Requests for this service are"
                                + " arriving too quickly. Please retry later.\"}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(15));
    }

    @Test
    void anInvalidEventFailsForGoodWithPagerDutysMessageAndTheKeyHidden() {
        pagerDuty.stubFor(post("/v2/enqueue")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"status\": \"invalid event\", \"message\": \"Event object is invalid\","
                                + " \"errors\": [\"Routing key " + ROUTING_KEY + " is not valid\"]}")));

        TicketSinkException e = catchThrowableOfType(TicketSinkException.class, () -> sink.create(TICKET));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .isEqualTo(
                        "PagerDuty (sink oncall) answered 400: Event object is invalid; Routing key *** is not valid")
                .doesNotContain(ROUTING_KEY);
    }

    @Test
    void driftwatchSeveritiesMapToPagerDutys() {
        assertThat(PagerDutySink.severity("CRITICAL")).isEqualTo("critical");
        assertThat(PagerDutySink.severity("high")).isEqualTo("error");
        assertThat(PagerDutySink.severity("medium")).isEqualTo("warning");
        assertThat(PagerDutySink.severity("low")).isEqualTo("info");
    }
}
