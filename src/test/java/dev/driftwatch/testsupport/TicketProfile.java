package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tickets on: the ticket consumer and worker running (looking for work often, retrying after a second), medium
 * security-group findings routed to a {@code github} sink ({@link GitHubStub}) in the repository their route names
 * ({@code acme/network}, not the sink's {@code acme/infra}), everything else to the built-in sink; drift in a
 * security group's tags asks for a ticket (a drift rule in {@code ticket} mode), and drift is low by default, so the
 * medium route does not take it. Shared by every ticket test of the running service, so it starts once for all of
 * them.
 */
public class TicketProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("driftwatch.tickets.enabled", "true"),
                Map.entry("mp.messaging.incoming.ticket-findings.enabled", "true"),
                Map.entry("mp.messaging.incoming.ticket-remediations.enabled", "true"),
                Map.entry("driftwatch.tickets.poll-interval", "300ms"),
                Map.entry("driftwatch.tickets.first-retry", "1s"),
                Map.entry("driftwatch.tickets.max-retry", "2s"),
                Map.entry("driftwatch.tickets.request-timeout", "2s"),
                Map.entry("driftwatch.tickets.sinks.github.type", "github"),
                Map.entry("driftwatch.tickets.sinks.github.repository", "acme/infra"),
                Map.entry("driftwatch.tickets.sinks.github.token", GitHubStub.TOKEN),
                Map.entry("driftwatch.tickets.sinks.github.labels", "security"),
                Map.entry("driftwatch.tickets.routes.network.type", "aws_security_group"),
                Map.entry("driftwatch.tickets.routes.network.severity", "medium"),
                Map.entry("driftwatch.tickets.routes.network.sink", "github"),
                Map.entry("driftwatch.tickets.routes.network.repository", "acme/network"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.type", "aws_security_group"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.attribute", "tags.*"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.mode", "ticket"),
                Map.entry("driftwatch.drift.default-severity", "low"));
    }
}
