package dev.driftwatch.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

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
        config.put("driftwatch.scan.instance-id", "second");
        config.put("driftwatch.scan.enabled", "false");
        config.put(
                "quarkus.datasource.jdbc.url",
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        config.put("kafka.bootstrap.servers", KafkaBroker.bootstrapServers());
        config.put("driftwatch.aws.endpoint-override", Moto.URL);
        config.put("driftwatch.baseline.terraform.paths", "target/it-states/**.tfstate");
        config.put("aws.accessKeyId", "test");
        config.put("aws.secretAccessKey", "test");
        return config;
    }
}
