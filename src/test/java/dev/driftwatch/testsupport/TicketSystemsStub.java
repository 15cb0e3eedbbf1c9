package dev.driftwatch.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Jira Cloud, ServiceNow and PagerDuty for the ticket tests: one WireMock server, each system under its own path
 * ({@code /jira}, {@code /servicenow}, {@code /pagerduty}), called by the sinks of {@link TicketProfile}. Tests stub it
 * as each system's documentation describes (see ticket/TicketSinksIT) and check what was sent.
 */
public class TicketSystemsStub implements QuarkusTestResourceLifecycleManager {

    public static final String JIRA_TOKEN = "ATATT-ticket-profile-token-not-a-secret";
    public static final String SERVICENOW_PASSWORD = "snow-ticket-profile-password-not-a-secret";
    public static final String PAGERDUTY_KEY = "R0ut1ngK3yTicketProfile000000000";
    public static final String PAGERDUTY_PAYMENTS_KEY = "R0ut1ngK3yTicketProfilePayments0";

    /** Accounts no scan of moto (123456789012) produces findings in, each routed to one system. */
    public static final String JIRA_ACCOUNT = "333333333333";

    public static final String SERVICENOW_ACCOUNT = "444444444444";
    public static final String PAGERDUTY_ACCOUNT = "555555555555";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(
                "driftwatch.tickets.sinks.jira.url", server.baseUrl() + "/jira",
                "driftwatch.tickets.sinks.servicenow.url", server.baseUrl() + "/servicenow",
                "driftwatch.tickets.sinks.pagerduty.url", server.baseUrl() + "/pagerduty");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
