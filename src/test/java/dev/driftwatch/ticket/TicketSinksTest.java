package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sinks and routes as application.properties gives them: each type by its name, its settings checked at start. */
class TicketSinksTest {

    private static final String JIRA_TOKEN = "ATATT-sinks-test-token";
    private static final String PD_KEY = "R0ut1ngK3ySinksTest000000000000a";

    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("driftwatch.tickets.sinks.jira.type", "jira-cloud"),
            Map.entry("driftwatch.tickets.sinks.jira.url", "https://acme.atlassian.net"),
            Map.entry("driftwatch.tickets.sinks.jira.email", "driftwatch@acme.example"),
            Map.entry("driftwatch.tickets.sinks.jira.token", JIRA_TOKEN),
            Map.entry("driftwatch.tickets.sinks.jira.project", "OPS"),
            Map.entry("driftwatch.tickets.sinks.jira.priorities.critical", "Highest"),
            Map.entry("driftwatch.tickets.sinks.dc.type", "jira-data-center"),
            Map.entry("driftwatch.tickets.sinks.dc.url", "https://jira.acme.example"),
            Map.entry("driftwatch.tickets.sinks.dc.token", "pat"),
            Map.entry("driftwatch.tickets.sinks.dc.project", "OPS"),
            Map.entry("driftwatch.tickets.sinks.itsm.type", "servicenow"),
            Map.entry("driftwatch.tickets.sinks.itsm.url", "https://acme.service-now.com"),
            Map.entry("driftwatch.tickets.sinks.itsm.username", "driftwatch"),
            Map.entry("driftwatch.tickets.sinks.itsm.password", "secret"),
            Map.entry("driftwatch.tickets.sinks.oncall.type", "pagerduty"),
            Map.entry("driftwatch.tickets.sinks.oncall.routing-key", PD_KEY),
            Map.entry("driftwatch.tickets.sinks.oncall.routing-keys.payments", PD_KEY.replace('a', 'b')),
            Map.entry("driftwatch.tickets.routes.a-page.sink", "oncall"),
            Map.entry("driftwatch.tickets.routes.a-page.routing-key", "payments"),
            Map.entry("driftwatch.tickets.routes.b-rest.sink", "jira"));

    @Test
    void eachTypeIsBuiltFromItsNameInTheConfiguration() {
        TicketSinks sinks = sinks(PROPERTIES);

        assertThat(sinks.named("jira")).isInstanceOf(JiraCloudSink.class);
        assertThat(sinks.named("dc")).isInstanceOf(JiraDataCenterSink.class);
        assertThat(sinks.named("itsm")).isInstanceOf(ServiceNowSink.class);
        assertThat(sinks.named("oncall")).isInstanceOf(PagerDutySink.class);
        assertThat(sinks.names()).containsExactlyInAnyOrder("builtin", "jira", "dc", "itsm", "oncall");
    }

    @Test
    void aMissingSettingIsNamedAndNoSecretShown() {
        Map<String, String> noProject = new HashMap<>(PROPERTIES);
        noProject.remove("driftwatch.tickets.sinks.jira.project");

        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class, () -> sinks(noProject).named("jira"));

        assertThat(e.getMessage())
                .isEqualTo("driftwatch.tickets.sinks.jira.project is required")
                .doesNotContain(JIRA_TOKEN);
    }

    @Test
    void thePagerDutyRouteTakesTheDefaultPagingSeveritiesOnly() {
        TicketConfig config = config(PROPERTIES);
        TicketRouting routing = new TicketRouting(
                config.routes(), config.defaultSink(), TicketRouting.paging(config), ResourceTags.UNKNOWN);

        assertThat(routing.route(finding("HIGH")))
                .isEqualTo(new TicketRouting.Routed("oncall", new TicketTarget(null, null, null, null, "payments")));
        assertThat(routing.route(finding("MEDIUM")).sink()).isEqualTo("jira");
    }

    private static TicketSinks sinks(Map<String, String> properties) {
        return new TicketSinks(config(properties), new ObjectMapper(), Clock.systemUTC());
    }

    static TicketConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(TicketConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(TicketConfig.class);
    }

    private static FindingView finding(String severity) {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return new FindingView(
                1,
                "fp",
                FindingKind.VIOLATION,
                FindingStatus.OPEN,
                1,
                "1",
                "us-east-1",
                "t",
                "r",
                "p",
                severity,
                "title",
                "message",
                List.of(),
                null,
                null,
                List.of(),
                now,
                now,
                null,
                null);
    }
}
