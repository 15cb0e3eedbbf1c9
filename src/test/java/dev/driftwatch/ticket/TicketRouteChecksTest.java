package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A route that cannot work with its sink fails the start, naming the route's setting and never a secret. */
class TicketRouteChecksTest {

    private static final String PD_KEY = "R0ut1ngK3yRouteChecks0000000000a";

    private static final Map<String, String> SINKS = Map.ofEntries(
            Map.entry("driftwatch.tickets.sinks.jira.type", "jira-cloud"),
            Map.entry("driftwatch.tickets.sinks.dc.type", "jira-data-center"),
            Map.entry("driftwatch.tickets.sinks.github.type", "github"),
            Map.entry("driftwatch.tickets.sinks.itsm.type", "servicenow"),
            Map.entry("driftwatch.tickets.sinks.oncall.type", "pagerduty"),
            Map.entry("driftwatch.tickets.sinks.oncall.routing-key", PD_KEY),
            Map.entry("driftwatch.tickets.sinks.oncall.routing-keys.payments", PD_KEY.replace('a', 'b')),
            Map.entry("driftwatch.tickets.sinks.hook.type", "webhook"));

    @Test
    void eachOverrideFitsItsSinksType() {
        assertThatCode(() -> check(
                        "a.sink=jira",
                        "a.project=PAY",
                        "a.component=api",
                        "b.sink=dc",
                        "b.project=PAY",
                        "c.sink=github",
                        "c.repository=acme/payments",
                        "d.sink=itsm",
                        "d.assignment-group=Payments",
                        "e.sink=oncall",
                        "e.routing-key=payments",
                        "f.sink=builtin",
                        "g.sink=hook"))
                .doesNotThrowAnyException();
    }

    @Test
    void aRepositoryOnAJiraRoute() {
        assertThat(error("pay.sink=jira", "pay.repository=acme/payments"))
                .isEqualTo("driftwatch.tickets.routes.pay.repository is read by github sinks only, and sink jira is"
                        + " jira-cloud");
    }

    @Test
    void aProjectOrComponentOnAGitHubRoute() {
        assertThat(error("pay.sink=github", "pay.project=PAY"))
                .isEqualTo("driftwatch.tickets.routes.pay.project is read by jira-cloud or jira-data-center sinks"
                        + " only, and sink github is github");
        assertThat(error("pay.sink=github", "pay.component=api"))
                .isEqualTo("driftwatch.tickets.routes.pay.component is read by jira-cloud or jira-data-center sinks"
                        + " only, and sink github is github");
    }

    @Test
    void aRoutingKeyOnARouteThatIsNotPagerDuty() {
        assertThat(error("pay.sink=itsm", "pay.routing-key=payments"))
                .isEqualTo("driftwatch.tickets.routes.pay.routing-key is read by pagerduty sinks only, and sink itsm"
                        + " is servicenow");
    }

    @Test
    void anAssignmentGroupOnARouteThatIsNotServiceNow() {
        assertThat(error("pay.sink=builtin", "pay.assignment-group=Payments"))
                .isEqualTo("driftwatch.tickets.routes.pay.assignment-group is read by servicenow sinks only, and sink"
                        + " builtin is builtin");
    }

    @Test
    void aRouteToASinkThatDoesNotExist() {
        assertThat(error("pay.sink=jria"))
                .isEqualTo("driftwatch.tickets.routes.pay.sink names jria, which is not a configured sink [builtin, dc,"
                        + " github, hook, itsm, jira, oncall]");
    }

    @Test
    void aDefaultSinkThatDoesNotExist() {
        Map<String, String> properties = new HashMap<>(SINKS);
        properties.put("driftwatch.tickets.default-sink", "jria");

        assertThat(errorOf(properties))
                .isEqualTo("driftwatch.tickets.default-sink names jria, which is not a configured sink [builtin, dc,"
                        + " github, hook, itsm, jira, oncall]");
    }

    @Test
    void aRoutingKeyNameTheSinkDoesNotHaveIsNamedAndNoKeyShown() {
        assertThat(error("page.sink=oncall", "page.routing-key=billing"))
                .isEqualTo("driftwatch.tickets.routes.page.routing-key names billing, which is not among"
                        + " driftwatch.tickets.sinks.oncall.routing-keys")
                .doesNotContain(PD_KEY);
    }

    @Test
    void everyErrorIsReportedAtOnceInRouteOrder() {
        assertThat(error("b.sink=github", "b.project=PAY", "a.sink=nowhere"))
                .isEqualTo("driftwatch.tickets.routes.a.sink names nowhere, which is not a configured sink [builtin,"
                        + " dc, github, hook, itsm, jira, oncall]; driftwatch.tickets.routes.b.project is read by"
                        + " jira-cloud or jira-data-center sinks only, and sink github is github");
    }

    private static void check(String... routes) {
        TicketRouteChecks.check(TicketSinksTest.config(withRoutes(routes)));
    }

    private static String error(String... routes) {
        return errorOf(withRoutes(routes));
    }

    private static String errorOf(Map<String, String> properties) {
        return catchThrowableOfType(
                        IllegalArgumentException.class,
                        () -> TicketRouteChecks.check(TicketSinksTest.config(properties)))
                .getMessage();
    }

    private static Map<String, String> withRoutes(String... routes) {
        Map<String, String> properties = new HashMap<>(SINKS);
        for (String route : routes) {
            String[] keyValue = route.split("=", 2);
            properties.put("driftwatch.tickets.routes." + keyValue[0], keyValue[1]);
        }
        return properties;
    }
}
