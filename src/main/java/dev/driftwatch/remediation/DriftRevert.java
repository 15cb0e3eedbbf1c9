package dev.driftwatch.remediation;

import dev.driftwatch.drift.PathGlob;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.action.RemediationAction;
import dev.driftwatch.resource.AttributeDiff;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which revert puts a CHANGED finding back to its state's values, with what: the action of the finding's type whose
 * {@link RemediationAction#revertsPaths paths} cover every diff of the finding, with {@code expected} (key to the
 * state's value) and {@code seen} (key to the value the finding saw). A finding no one action covers (tags and
 * other attributes together, or attributes no action reverts) names an action driftwatch does not have, and is
 * skipped as such ({@code no-action}).
 */
record DriftRevert(String action, Map<String, Object> parameters) {

    static DriftRevert of(FindingView finding, Collection<RemediationAction> actions) {
        Optional<RemediationAction> covering = actions.stream()
                .filter(a -> a.resourceTypes().contains(finding.type()))
                .filter(a -> covers(a, finding.diffs()))
                .min(Comparator.comparing(RemediationAction::name));
        if (covering.isEmpty()) {
            return new DriftRevert(uncovered(finding.diffs()), Map.of());
        }
        RemediationAction action = covering.get();
        // HashMaps: a value the state does not have is null
        Map<String, Object> expected = new HashMap<>();
        Map<String, Object> seen = new HashMap<>();
        for (AttributeDiff diff : finding.diffs()) {
            String key = action.revertKey(diff.path());
            expected.put(key, diff.expected());
            seen.put(key, diff.actual());
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("expected", expected);
        parameters.put("seen", seen);
        return new DriftRevert(action.name(), parameters);
    }

    private static boolean covers(RemediationAction action, List<AttributeDiff> diffs) {
        List<Pattern> paths =
                action.revertsPaths().stream().map(PathGlob::compile).toList();
        return !diffs.isEmpty()
                && diffs.stream().allMatch(d -> paths.stream()
                        .anyMatch(p -> p.matcher(d.path()).matches()));
    }

    /** {@code revert-} and the attributes, e.g. {@code revert-ingress+tags}: the name of no action, said so. */
    private static String uncovered(List<AttributeDiff> diffs) {
        return "revert-"
                + diffs.stream()
                        .map(d -> d.path().split("\\.")[0])
                        .distinct()
                        .sorted()
                        .reduce((a, b) -> a + "+" + b)
                        .orElse("nothing");
    }
}
