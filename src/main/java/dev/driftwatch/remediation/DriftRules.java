package dev.driftwatch.remediation;

import dev.driftwatch.drift.PathGlob;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.RemediationConfig.DriftMode;
import dev.driftwatch.remediation.RemediationConfig.DriftRule;
import dev.driftwatch.resource.AttributeDiff;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The drift rules of the configuration applied to a CHANGED finding. Where rules disagree, the one that writes
 * least wins: a person hearing of it beats silence, and silence beats a write. Public for the tickets, which open
 * one where the rules say {@code ticket} ({@link #asksForTicket}).
 */
public final class DriftRules {

    /** Safest first. */
    private static final List<DriftMode> SAFEST_FIRST =
            List.of(DriftMode.TICKET, DriftMode.REPORT, DriftMode.APPROVE, DriftMode.REVERT);

    private final Collection<DriftRule> rules;

    /** Where the tags are unknown, only a rule that writes nothing is taken to match the remediation's way. */
    private static final Predicate<DriftRule> WRITES_NOTHING =
            rule -> rule.mode() == DriftMode.TICKET || rule.mode() == DriftMode.REPORT;

    public DriftRules(Collection<DriftRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param tags the resource's tags, asked only when a rule names a tag; empty when unknown
     */
    DriftMode modeFor(FindingView finding, Supplier<Optional<Map<String, String>>> tags) {
        return modeFor(finding, tags, WRITES_NOTHING);
    }

    /**
     * Whether the rules say {@code ticket} for this drift. Stricter than {@link #modeFor} about unknown tags: a rule
     * naming a tag does not match a resource whose tags are unknown, so a ticket is never opened on a guess (the
     * remediation does nothing then either: the guess there only keeps a write from happening).
     *
     * @param tags the resource's tags, asked only when a rule names a tag; empty when unknown
     */
    public boolean asksForTicket(FindingView finding, Supplier<Optional<Map<String, String>>> tags) {
        return modeFor(finding, tags, rule -> false) == DriftMode.TICKET;
    }

    /** @param unknownTagsMatch the rules naming a tag that match when the resource's tags are unknown */
    private DriftMode modeFor(
            FindingView finding, Supplier<Optional<Map<String, String>>> tags, Predicate<DriftRule> unknownTagsMatch) {
        List<DriftRule> matching =
                rules.stream().filter(rule -> matches(rule, finding)).toList();
        Optional<Map<String, String>> known =
                matching.stream().anyMatch(rule -> rule.tag().isPresent()) ? tags.get() : Optional.empty();
        return matching.stream()
                .filter(rule -> rule.tag().isEmpty() || carries(rule, known, unknownTagsMatch))
                .map(DriftRule::mode)
                .min(Comparator.comparingInt(SAFEST_FIRST::indexOf))
                .orElse(DriftMode.REPORT);
    }

    private static boolean matches(DriftRule rule, FindingView finding) {
        return PathGlob.matches(rule.type(), finding.type())
                && PathGlob.matches(rule.account(), finding.account())
                && !finding.diffs().isEmpty()
                && finding.diffs().stream()
                        .map(AttributeDiff::path)
                        .allMatch(path -> PathGlob.matches(rule.attribute(), path));
    }

    /** Unknown tags match only the rules the caller allows: fail closed. */
    private static boolean carries(
            DriftRule rule, Optional<Map<String, String>> tags, Predicate<DriftRule> unknownTagsMatch) {
        if (tags.isEmpty()) {
            return unknownTagsMatch.test(rule);
        }
        String[] tag = rule.tag().orElseThrow().split("=", 2);
        String value = tags.get().get(tag[0]);
        return value != null && (tag.length == 1 || tag[1].equals(value));
    }
}
