package dev.driftwatch.remediation;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.resource.AttributeDiff;
import java.util.HashMap;
import java.util.Map;

/**
 * Which revert puts a CHANGED finding back to its state's values, with what: tags go back with
 * {@code revert-tags} ({@code expected}: tag to state value, {@code seen}: tag to the value the finding saw). A
 * finding with other changed attributes names no action driftwatch has yet, and is skipped as such.
 */
record DriftRevert(String action, Map<String, Object> parameters) {

    private static final String TAGS = "tags.";

    static DriftRevert of(FindingView finding) {
        if (finding.diffs().stream().allMatch(d -> d.path().startsWith(TAGS))) {
            Map<String, Object> expected = new HashMap<>();
            Map<String, Object> seen = new HashMap<>();
            for (AttributeDiff diff : finding.diffs()) {
                String key = diff.path().substring(TAGS.length());
                expected.put(key, diff.expected());
                seen.put(key, diff.actual());
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("expected", expected);
            parameters.put("seen", seen);
            return new DriftRevert("revert-tags", parameters);
        }
        return new DriftRevert(
                "revert-"
                        + finding.diffs().stream()
                                .map(d -> d.path().split("\\.")[0])
                                .distinct()
                                .sorted()
                                .reduce((a, b) -> a + "-" + b)
                                .orElse("nothing"),
                Map.of());
    }
}
