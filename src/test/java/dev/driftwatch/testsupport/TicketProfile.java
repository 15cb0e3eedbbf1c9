package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Tickets on: the ticket consumer and worker running (looking for work often, retrying after a second), medium
 * security-group findings routed to a {@code github} sink ({@link GitHubStub}) in the repository their route names
 * ({@code acme/network}, not the sink's {@code acme/infra}), everything else to the built-in sink; drift in a
 * security group's tags asks for a ticket (a drift rule in {@code ticket} mode), and drift is low by default, so the
 * medium route does not take it. Findings of three accounts no scan of moto's one account produces go to
 * {@code jira} (Jira Cloud), {@code servicenow} and {@code pagerduty} ({@link TicketSystemsStub}), each route with
 * its override. Shared by every ticket test of the running service, so it starts once for all of them.
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
                Map.entry("driftwatch.tickets.sinks.jira.type", "jira-cloud"),
                Map.entry("driftwatch.tickets.sinks.jira.email", "driftwatch@acme.example"),
                Map.entry("driftwatch.tickets.sinks.jira.token", TicketSystemsStub.JIRA_TOKEN),
                Map.entry("driftwatch.tickets.sinks.jira.project", "OPS"),
                Map.entry("driftwatch.tickets.sinks.jira.priorities.high", "High"),
                Map.entry("driftwatch.tickets.sinks.servicenow.type", "servicenow"),
                Map.entry("driftwatch.tickets.sinks.servicenow.username", "driftwatch"),
                Map.entry("driftwatch.tickets.sinks.servicenow.password", TicketSystemsStub.SERVICENOW_PASSWORD),
                Map.entry("driftwatch.tickets.sinks.servicenow.assignment-group", "Cloud Operations"),
                Map.entry("driftwatch.tickets.sinks.pagerduty.type", "pagerduty"),
                Map.entry("driftwatch.tickets.sinks.pagerduty.routing-key", TicketSystemsStub.PAGERDUTY_KEY),
                Map.entry(
                        "driftwatch.tickets.sinks.pagerduty.routing-keys.payments",
                        TicketSystemsStub.PAGERDUTY_PAYMENTS_KEY),
                Map.entry("driftwatch.tickets.routes.account-jira.account", TicketSystemsStub.JIRA_ACCOUNT),
                Map.entry("driftwatch.tickets.routes.account-jira.sink", "jira"),
                Map.entry("driftwatch.tickets.routes.account-jira.component", "payments-api"),
                Map.entry("driftwatch.tickets.routes.account-servicenow.account", TicketSystemsStub.SERVICENOW_ACCOUNT),
                Map.entry("driftwatch.tickets.routes.account-servicenow.sink", "servicenow"),
                Map.entry("driftwatch.tickets.routes.account-servicenow.assignment-group", "Payments"),
                Map.entry("driftwatch.tickets.routes.account-pagerduty.account", TicketSystemsStub.PAGERDUTY_ACCOUNT),
                Map.entry("driftwatch.tickets.routes.account-pagerduty.sink", "pagerduty"),
                Map.entry("driftwatch.tickets.routes.account-pagerduty.routing-key", "payments"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.type", "aws_security_group"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.attribute", "tags.*"),
                Map.entry("driftwatch.remediation.drift-rules.group-tags.mode", "ticket"),
                Map.entry("driftwatch.drift.default-severity", "low"));
    }

    /** On the profile, not a test class, so every ticket IT has it and the service starts once for all. */
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TicketSystemsStub.class));
    }
}
