package dev.driftwatch.testsupport;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.finding.Fingerprint;
import dev.driftwatch.policy.RemediationSpec;
import java.time.Instant;
import java.util.List;

/**
 * Findings as their events carry them, for tests that feed the ticket part without a scan: violations of the
 * default-group policy in {@code ticket} mode, and their later versions.
 */
public final class TicketedFindings {

    public static final String POLICY = "default-sg-allows-traffic";
    private static final String REGION = "us-east-1";
    private static final Instant SEEN = Instant.parse("2026-12-01T00:00:00Z");

    private TicketedFindings() {}

    /** Version 1, open, of the violation by {@code group} in {@code account}. */
    public static FindingView open(String account, String group, String severity, String message) {
        return new FindingView(
                1,
                Fingerprint.of(FindingKind.VIOLATION, account, REGION, "aws_security_group", group, POLICY),
                FindingKind.VIOLATION,
                FindingStatus.OPEN,
                1,
                account,
                REGION,
                "aws_security_group",
                group,
                POLICY,
                severity,
                "Default security groups allow no traffic",
                message,
                List.of(),
                null,
                null,
                List.of(),
                SEEN,
                SEEN,
                null,
                new RemediationSpec(RemediationSpec.Mode.TICKET, null, null));
    }

    /** The finding's next version, as a later scan publishes it: this status and message. */
    public static FindingView next(FindingView f, FindingStatus status, String message) {
        Instant seen = f.lastSeen().plusSeconds(60);
        return new FindingView(
                f.id(),
                f.fingerprint(),
                f.kind(),
                status,
                f.version() + 1,
                f.account(),
                f.region(),
                f.type(),
                f.resourceId(),
                f.policyId(),
                f.severity(),
                f.title(),
                message,
                f.references(),
                f.address(),
                f.stateFile(),
                f.diffs(),
                f.firstSeen(),
                seen,
                status == FindingStatus.RESOLVED ? seen : null,
                f.remediation());
    }
}
