package dev.driftwatch.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * GitHub's REST API for the ticket tests: a WireMock server the {@code github} sink of {@link TicketProfile} calls.
 * Tests stub it as GitHub's documentation describes (see ticket/GitHubSinkTest) and check what was sent.
 */
public class GitHubStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "ghp_ticket-profile-token-not-a-secret-000000";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("driftwatch.tickets.sinks.github.url", server.baseUrl());
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
