package dev.driftwatch.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** The settings of a {@link SecondInstance} that remediates (and does not scan) beside the test's instance. */
public final class RemediatorReplica {

    private RemediatorReplica() {}

    /** Writes in moto's account; findings from the test's broker; the test's database, moto and policies. */
    public static Map<String, String> config(String instanceId) {
        Map<String, String> config = new HashMap<>(new RemediationProfile().getConfigOverrides());
        config.putAll(besideTheTest(instanceId));
        config.put("driftwatch.policy.directories", "target/it-policies");
        return config;
    }

    /**
     * What any second replica shares with the test's instance: its database, Kafka broker, moto and state files;
     * it does not scan.
     */
    public static Map<String, String> besideTheTest(String instanceId) {
        Map<String, String> config = new HashMap<>();
        config.put("driftwatch.scan.instance-id", instanceId);
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
