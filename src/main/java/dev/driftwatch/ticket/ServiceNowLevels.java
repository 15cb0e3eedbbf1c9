package dev.driftwatch.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An incident's {@code impact} and {@code urgency} (1 high, 2 medium, 3 low) by driftwatch severity; ServiceNow
 * derives the priority from the two (its priority lookup rules,
 * https://www.servicenow.com/docs/r/it-service-management/incident-management/def-prio-lookup-rules.html), so
 * driftwatch never sets {@code priority} itself. A finding without a severity, or of one with no level, leaves the
 * field to the instance's default.
 *
 * @param impacts {@code impact} by lower-case severity
 * @param urgencies {@code urgency} by lower-case severity
 */
record ServiceNowLevels(Map<String, String> impacts, Map<String, String> urgencies) {

    /**
     * critical 1/1, medium 2/2, low 3/3. high is impact 2, urgency 1: a finding is mostly about one resource (its
     * reach is not the whole business), but a high one is to be fixed soon; both 1/2 and 2/1 are priority 2 (High)
     * in ServiceNow's default lookup, so only a changed lookup tells them apart.
     */
    static final ServiceNowLevels DEFAULT = new ServiceNowLevels(
            Map.of("critical", "1", "high", "2", "medium", "2", "low", "3"),
            Map.of("critical", "1", "high", "1", "medium", "2", "low", "3"));

    private static final Set<String> LEVELS = Set.of("1", "2", "3");

    ServiceNowLevels {
        impacts = lowerCaseKeys(impacts);
        urgencies = lowerCaseKeys(urgencies);
    }

    /**
     * The defaults with the sink's {@code impacts} and {@code urgencies} over them.
     *
     * @throws IllegalArgumentException naming the setting whose value is not 1, 2 or 3
     */
    static ServiceNowLevels configured(String sink, Map<String, String> impacts, Map<String, String> urgencies) {
        return new ServiceNowLevels(
                over(DEFAULT.impacts, impacts, sink, "impacts"), over(DEFAULT.urgencies, urgencies, sink, "urgencies"));
    }

    /** Sets {@code impact} and {@code urgency} on a new incident, each when the severity has one. */
    void apply(ObjectNode incident, String severity) {
        if (severity == null) {
            return;
        }
        String s = severity.toLowerCase(Locale.ROOT);
        if (impacts.containsKey(s)) {
            incident.put("impact", impacts.get(s));
        }
        if (urgencies.containsKey(s)) {
            incident.put("urgency", urgencies.get(s));
        }
    }

    private static Map<String, String> over(
            Map<String, String> defaults, Map<String, String> configured, String sink, String property) {
        Map<String, String> levels = new HashMap<>(defaults);
        configured.forEach((severity, level) -> {
            if (!LEVELS.contains(level.strip())) {
                throw new IllegalArgumentException("driftwatch.tickets.sinks." + sink + "." + property + "." + severity
                        + " is " + level + "; ServiceNow's levels are 1 (high), 2 (medium) and 3 (low)");
            }
            levels.put(severity.toLowerCase(Locale.ROOT), level.strip());
        });
        return levels;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> levels) {
        Map<String, String> lower = new HashMap<>();
        levels.forEach((severity, level) -> lower.put(severity.toLowerCase(Locale.ROOT), level));
        return Map.copyOf(lower);
    }
}
