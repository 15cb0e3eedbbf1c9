package dev.driftwatch.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-level attributes a state entry does not hold at all. A state written by an older AWS provider lacks the
 * attributes added since ({@code aws_kms_key.multi_region} before 3.64, ...): its expected value is not known,
 * so it is not compared. A key present with {@code null} is known (the provider wrote "nothing") and compared.
 */
final class StateUnknowns {

    private StateUnknowns() {}

    /**
     * @param state     the state entry's attributes as read (absent keys are absent, not null)
     * @param canonical one side's normalised attributes
     * @return the canonical attributes without those the state cannot know
     */
    static Map<String, Object> leaveOut(Map<String, Object> state, Map<String, Object> canonical) {
        Map<String, Object> known = new LinkedHashMap<>(canonical);
        known.keySet().removeIf(key -> !knows(state, key));
        return known;
    }

    private static boolean knows(Map<String, Object> state, String key) {
        // Tags are compared from tags_all when the state has it (see Tagging).
        return state.containsKey(key) || key.equals("tags") && state.containsKey("tags_all");
    }
}
