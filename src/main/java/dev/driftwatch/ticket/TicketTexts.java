package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.RemediationView;
import dev.driftwatch.resource.AttributeDiff;
import java.util.stream.Collectors;

/** How driftwatch words its tickets and comments (Markdown, which GitHub and most webhooks render). */
final class TicketTexts {

    private static final int MAX_TITLE = 250;

    private TicketTexts() {}

    static TicketText opening(FindingView f) {
        String title =
                "[driftwatch] " + (f.title() == null ? f.kind() + " " + f.type() : f.title()) + ": " + f.resourceId();
        return new TicketText(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, describe(f));
    }

    static TicketText comment(FindingView f, String change) {
        return new TicketText(null, "The finding changed (" + change + ").\n\n" + describe(f));
    }

    static TicketText closing(FindingView f) {
        return new TicketText(
                null,
                "Resolved: a complete scan at " + f.resolvedAt() + " no longer finds this on " + f.resourceId()
                        + ". driftwatch closes this ticket.");
    }

    /** The line a new ticket gets when it follows one a person closed while the finding stayed open. */
    static String follows(TicketEntity closed) {
        String link = closed.url != null ? closed.url : closed.externalId;
        return "\n\nFollows " + link + ", "
                + (closed.status == TicketStatus.WONT_DO
                        ? "closed as won't do; the finding has changed since."
                        : "closed while the finding was still open.");
    }

    /** A remediation that did not fix the finding: a ticket of its own, or a comment on the open one. */
    static TicketText remediation(FindingView f, RemediationView r, String outcome) {
        String title = "[driftwatch] remediation " + r.action() + " " + outcome + ": " + f.resourceId();
        String body = "Remediation " + r.id() + " (`" + r.action() + "`, " + r.mode() + ") " + outcome
                + (r.reason() == null ? "." : ": " + r.reason()) + "\n\n" + describe(f);
        return new TicketText(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, body);
    }

    private static String describe(FindingView f) {
        StringBuilder text = new StringBuilder();
        if (f.message() != null) {
            text.append(f.message()).append("\n\n");
        }
        text.append("| | |\n|---|---|\n");
        row(text, "Severity", f.severity());
        row(text, "Policy", f.policyId());
        row(text, "Resource", "`" + f.type() + "` `" + f.resourceId() + "`");
        row(text, "Account / region", f.account() + " / " + f.region());
        row(text, "Terraform address", f.address());
        if (f.references() != null && !f.references().isEmpty()) {
            row(text, "References", String.join(", ", f.references()));
        }
        row(text, "Finding", f.id() + " (version " + f.version() + "), fingerprint `" + f.fingerprint() + "`");
        if (f.diffs() != null && !f.diffs().isEmpty()) {
            text.append("\nDifferences (state → cloud):\n\n")
                    .append(f.diffs().stream().map(TicketTexts::diff).collect(Collectors.joining("\n")))
                    .append('\n');
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append("| ").append(name).append(" | ").append(value).append(" |\n");
        }
    }

    private static String diff(AttributeDiff d) {
        return "- `" + d.path() + "`: `" + d.expected() + "` → `" + d.actual() + "`";
    }
}
