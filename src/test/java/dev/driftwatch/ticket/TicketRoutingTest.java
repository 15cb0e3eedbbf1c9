package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.RemediationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which findings get a ticket, in which sink and where in it. */
class TicketRoutingTest {

    record Route(
            String account,
            String region,
            String type,
            String severity,
            Map<String, String> tags,
            String sink,
            Optional<String> project,
            Optional<String> component,
            Optional<String> repository,
            Optional<String> assignmentGroup,
            Optional<String> routingKey)
            implements TicketConfig.Route {

        static Route to(String sink) {
            return new Route(
                    "*",
                    "*",
                    "*",
                    "*",
                    Map.of(),
                    sink,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }

        Route account(String value) {
            return new Route(
                    value,
                    region,
                    type,
                    severity,
                    tags,
                    sink,
                    project,
                    component,
                    repository,
                    assignmentGroup,
                    routingKey);
        }

        Route region(String value) {
            return new Route(
                    account,
                    value,
                    type,
                    severity,
                    tags,
                    sink,
                    project,
                    component,
                    repository,
                    assignmentGroup,
                    routingKey);
        }

        Route type(String value) {
            return new Route(
                    account,
                    region,
                    value,
                    severity,
                    tags,
                    sink,
                    project,
                    component,
                    repository,
                    assignmentGroup,
                    routingKey);
        }

        Route severity(String value) {
            return new Route(
                    account,
                    region,
                    type,
                    value,
                    tags,
                    sink,
                    project,
                    component,
                    repository,
                    assignmentGroup,
                    routingKey);
        }

        Route tags(Map<String, String> value) {
            return new Route(
                    account,
                    region,
                    type,
                    severity,
                    value,
                    sink,
                    project,
                    component,
                    repository,
                    assignmentGroup,
                    routingKey);
        }

        Route project(String p, String c) {
            return new Route(
                    account,
                    region,
                    type,
                    severity,
                    tags,
                    sink,
                    Optional.of(p),
                    Optional.of(c),
                    repository,
                    assignmentGroup,
                    routingKey);
        }
    }

    private final TicketRouting routing = new TicketRouting(
            Map.of(
                    "b-network", Route.to("github").type("aws_security_group").severity("medium"),
                    "a-prod", Route.to("prod-hook").account("111111111111")),
            "builtin",
            Map.of(),
            ResourceTags.UNKNOWN);

    @Test
    void theFirstMatchingRouteInNameOrderElseTheDefault() {
        assertThat(routing.route(finding("222222222222", "aws_security_group", "MEDIUM"))
                        .sink())
                .isEqualTo("github");
        assertThat(routing.route(finding("111111111111", "aws_security_group", "MEDIUM"))
                        .sink())
                .as("a-prod comes first")
                .isEqualTo("prod-hook");
        assertThat(routing.route(finding("222222222222", "aws_security_group", "LOW")))
                .isEqualTo(new TicketRouting.Routed("builtin", TicketTarget.NONE));
        assertThat(routing.named()).containsExactly("builtin", "github", "prod-hook");
    }

    @Test
    void aRouteByRegionAndOwnerTagSendsTheTicketToItsTeamsProjectAndComponent() {
        ResourceTags tags = f -> Optional.of(
                f.resourceId().equals("r-payments") ? Map.of("owner-team", "payments", "env", "prod") : Map.of());
        TicketRouting byTeam = new TicketRouting(
                Map.of(
                        "payments",
                        Route.to("jira")
                                .region("eu-west-1")
                                .tags(Map.of("owner-team", "payments"))
                                .project("PAY", "cloud")),
                "jira",
                Map.of(),
                tags);

        assertThat(byTeam.route(view("1", "eu-west-1", "t", "r-payments", "LOW")))
                .isEqualTo(new TicketRouting.Routed("jira", new TicketTarget("PAY", "cloud", null, null, null)));
        assertThat(byTeam.route(view("1", "us-east-1", "t", "r-payments", "LOW"))
                        .target())
                .as("another region")
                .isEqualTo(TicketTarget.NONE);
        assertThat(byTeam.route(view("1", "eu-west-1", "t", "r-other", "LOW")).target())
                .as("another team's resource")
                .isEqualTo(TicketTarget.NONE);
    }

    @Test
    void unknownTagsMatchNoTagRouteSoTheTicketGoesToTheDefaultNotNowhere() {
        TicketRouting unknown = new TicketRouting(
                Map.of("payments", Route.to("payments-jira").tags(Map.of("owner-team", "payments"))),
                "builtin",
                Map.of(),
                ResourceTags.UNKNOWN);

        assertThat(unknown.route(view("1", "eu-west-1", "t", "r-payments", "HIGH"))
                        .sink())
                .isEqualTo("builtin");
    }

    @Test
    void aPagerDutyRouteTakesOnlyPagingSeveritiesOthersGoOnToTheNextRouteOrTheDefault() {
        Map<String, Set<String>> paging = Map.of("pager", Set.of("critical", "high"));
        TicketRouting withPager = new TicketRouting(
                Map.of(
                        "a-page",
                        Route.to("pager"),
                        "b-network",
                        Route.to("github").type("aws_security_group")),
                "builtin",
                paging,
                ResourceTags.UNKNOWN);

        assertThat(withPager
                        .route(finding("1", "aws_security_group", "CRITICAL"))
                        .sink())
                .isEqualTo("pager");
        assertThat(withPager.route(finding("1", "aws_security_group", "MEDIUM")).sink())
                .isEqualTo("github");
        assertThat(withPager.route(finding("1", "aws_instance", "LOW")).sink()).isEqualTo("builtin");

        TicketRouting pagerByDefault = new TicketRouting(Map.of(), "pager", paging, ResourceTags.UNKNOWN);
        assertThat(pagerByDefault.route(finding("1", "t", "HIGH")).sink()).isEqualTo("pager");
        assertThat(pagerByDefault.route(finding("1", "t", "LOW")).sink())
                .as("a default that does not page for it: kept in the built-in sink")
                .isEqualTo("builtin");
    }

    private static FindingView finding(String account, String type, String severity) {
        return view(account, "us-east-1", type, "r-1", severity);
    }

    private static FindingView view(String account, String region, String type, String resource, String severity) {
        return view(
                account,
                region,
                type,
                resource,
                severity,
                new RemediationSpec(RemediationSpec.Mode.TICKET, null, null));
    }

    private static FindingView view(
            String account, String region, String type, String resource, String severity, RemediationSpec remediation) {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return new FindingView(
                1,
                "fp",
                FindingKind.VIOLATION,
                FindingStatus.OPEN,
                1,
                account,
                region,
                type,
                resource,
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
                remediation);
    }
}
