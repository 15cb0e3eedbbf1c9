package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.PolicyDefinition;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.DriftRules;
import dev.driftwatch.remediation.RemediationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which open findings get a ticket: a violation whose policy says {@code ticket}; drift whose drift rules say
 * {@code ticket}; and any finding an {@code open-at} rule matches (at or above its severity, in its account, of its
 * type, with its tags). Whatever cannot be told (tags or severity unknown) matches nothing: no ticket on a guess.
 * Remediation outcomes open tickets of their own ({@link TicketIntake#receive(dev.driftwatch.remediation.RemediationEvent)}).
 */
@ApplicationScoped
public class TicketTriggers {

    private final DriftRules driftRules;
    private final List<TicketConfig.OpenAt> openAt;
    private final ResourceTags tags;

    @Inject
    TicketTriggers(TicketConfig tickets, RemediationConfig remediation, ResourceTags tags) {
        this(new DriftRules(remediation.driftRules().values()), tickets.openAt().values(), tags);
    }

    TicketTriggers(DriftRules driftRules, Collection<TicketConfig.OpenAt> openAt, ResourceTags tags) {
        this.driftRules = driftRules;
        this.openAt = List.copyOf(openAt);
        this.tags = tags;
    }

    public boolean wantsTicket(FindingView finding) {
        if (finding.status() != FindingStatus.OPEN) {
            return false;
        }
        FindingTags known = new FindingTags(tags, finding);
        return inTicketMode(finding)
                || (finding.kind() == FindingKind.CHANGED && driftRules.asksForTicket(finding, known))
                || openAt.stream().anyMatch(rule -> matches(rule, finding, known));
    }

    private static boolean inTicketMode(FindingView finding) {
        return finding.kind() == FindingKind.VIOLATION
                && finding.remediation() != null
                && finding.remediation().mode() == RemediationSpec.Mode.TICKET;
    }

    private static boolean matches(TicketConfig.OpenAt rule, FindingView finding, FindingTags known) {
        return atOrAbove(rule.severity(), finding.severity())
                && matches(rule.account(), finding.account())
                && matches(rule.type(), finding.type())
                && known.carry(rule.tags());
    }

    /** A finding without a severity, or with one driftwatch does not know, is at no severity. */
    static boolean atOrAbove(PolicyDefinition.Severity lowest, String severity) {
        if (severity == null) {
            return false;
        }
        try {
            return PolicyDefinition.Severity.valueOf(severity.toUpperCase(Locale.ROOT))
                            .compareTo(lowest)
                    >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static boolean matches(String wanted, String value) {
        return "*".equals(wanted) || wanted.equalsIgnoreCase(value);
    }
}
