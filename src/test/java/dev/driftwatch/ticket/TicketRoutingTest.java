package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.RemediationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which findings get a ticket, and in which sink. */
class TicketRoutingTest {

    record Route(String account, String type, String severity, String sink) implements TicketConfig.Route {}

    private final TicketRouting routing = new TicketRouting(
            Map.of(
                    "b-network", new Route("*", "aws_security_group", "medium", "github"),
                    "a-prod", new Route("111111111111", "*", "*", "prod-hook")),
            "builtin");

    @Test
    void theFirstMatchingRouteInNameOrderElseTheDefault() {
        assertThat(routing.sinkFor(finding("222222222222", "aws_security_group", "MEDIUM")))
                .isEqualTo("github");
        assertThat(routing.sinkFor(finding("111111111111", "aws_security_group", "MEDIUM")))
                .as("a-prod comes first")
                .isEqualTo("prod-hook");
        assertThat(routing.sinkFor(finding("222222222222", "aws_security_group", "LOW")))
                .isEqualTo("builtin");
        assertThat(routing.named()).containsExactly("builtin", "github", "prod-hook");
    }

    @Test
    void onlyViolationsInTicketModeGetATicket() {
        assertThat(TicketIntake.wantsTicket(finding("1", "t", "LOW"))).isTrue();
        assertThat(TicketIntake.wantsTicket(withMode(RemediationSpec.Mode.REPORT)))
                .isFalse();
        assertThat(TicketIntake.wantsTicket(withMode(null))).isFalse();
    }

    private static FindingView finding(String account, String type, String severity) {
        return view(account, type, severity, new RemediationSpec(RemediationSpec.Mode.TICKET, null, null));
    }

    private static FindingView withMode(RemediationSpec.Mode mode) {
        return view("1", "t", "LOW", mode == null ? null : new RemediationSpec(mode, null, null));
    }

    private static FindingView view(String account, String type, String severity, RemediationSpec remediation) {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return new FindingView(
                1,
                "fp",
                FindingKind.VIOLATION,
                FindingStatus.OPEN,
                1,
                account,
                "us-east-1",
                type,
                "r-1",
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
