package dev.driftwatch.testsupport;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link TicketProfile} where the test's instance does no ticket work: replicas of their own ({@link SecondInstance})
 * do it, so that a test can run two at once, or kill one and start another; and those replicas' settings.
 */
public class TicketReplicaProfile extends TicketProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("driftwatch.tickets.enabled", "false");
        config.put("mp.messaging.incoming.ticket-findings.enabled", "false");
        config.put("mp.messaging.incoming.ticket-remediations.enabled", "false");
        return config;
    }

    /**
     * A replica working tickets: the test's database and broker, GitHub at {@code github}, and a lease short enough
     * that an action a killed replica held is taken again within the test.
     */
    public static Map<String, String> replica(String instanceId, URI github) {
        Map<String, String> config = new HashMap<>(new TicketProfile().getConfigOverrides());
        config.putAll(RemediatorReplica.besideTheTest(instanceId));
        for (String sink : List.of("jira", "servicenow", "pagerduty")) { // the test's TicketSystemsStub
            String url = "driftwatch.tickets.sinks." + sink + ".url";
            config.put(url, ConfigProvider.getConfig().getValue(url, String.class));
        }
        config.put("driftwatch.tickets.sinks.github.url", github.toString());
        config.put("driftwatch.tickets.lease", "5s");
        return config;
    }
}
