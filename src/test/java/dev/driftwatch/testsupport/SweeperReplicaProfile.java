package dev.driftwatch.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link SweeperProfile} with no minimum age, so that a second replica (a process of its own, on the real clock)
 * decides as the test's instance does; and that replica's settings.
 */
public class SweeperReplicaProfile extends SweeperProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("driftwatch.sweeper.min-age", "0s");
        return config;
    }

    /** The second replica: the test's database, broker and moto, sweeping only. */
    public static Map<String, String> replica() {
        Map<String, String> config = new HashMap<>(new SweeperReplicaProfile().getConfigOverrides());
        config.putAll(RemediatorReplica.besideTheTest("second"));
        return config;
    }
}
