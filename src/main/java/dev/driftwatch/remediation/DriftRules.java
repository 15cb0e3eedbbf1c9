package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.RemediationConfig.DriftMode;
import dev.driftwatch.remediation.RemediationConfig.DriftRule;
import dev.driftwatch.resource.AttributeDiff;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The drift rules of the configuration applied to a CHANGED finding. Where rules disagree, the one that writes
 * least wins: a person hearing of it beats silence, and silence beats a write.
 */
final class DriftRules {

    /** Safest first. */
    private static final List<DriftMode> SAFEST_FIRST =
            List.of(DriftMode.TICKET, DriftMode.REPORT, DriftMode.APPROVE, DriftMode.REVERT);

    private final Collection<DriftRule> rules;

    DriftRules(Collection<DriftRule> rules) {
        this.rules = List.copyOf(rules);
    }

    DriftMode modeFor(FindingView finding) {
        return rules.stream()
                .filter(rule -> matches(rule, finding))
                .map(DriftRule::mode)
                .min(Comparator.comparingInt(SAFEST_FIRST::indexOf))
                .orElse(DriftMode.REPORT);
    }

    private static boolean matches(DriftRule rule, FindingView finding) {
        return glob(rule.type()).matcher(finding.type()).matches()
                && glob(rule.account()).matcher(finding.account()).matches()
                && !finding.diffs().isEmpty()
                && finding.diffs().stream()
                        .map(AttributeDiff::path)
                        .allMatch(path -> glob(rule.attribute()).matcher(path).matches());
    }

    /** {@code **} matches anything, {@code *} a run of characters without a dot; the rest stands for itself. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] anything = glob.split("\\*\\*", -1);
        for (int i = 0; i < anything.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            String[] parts = anything[i].split("\\*", -1);
            for (int j = 0; j < parts.length; j++) {
                if (j > 0) {
                    regex.append("[^.]*");
                }
                regex.append(Pattern.quote(parts[j]));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
