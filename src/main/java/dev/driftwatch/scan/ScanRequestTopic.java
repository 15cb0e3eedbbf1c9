package dev.driftwatch.scan;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates {@code driftwatch.scan-requests} with enough partitions for the replicas to share scans, or adds
 * partitions to a smaller one (a broker's auto-created topic has one, and one replica would do all the work).
 */
@ApplicationScoped
public class ScanRequestTopic {

    private static final Logger LOG = Logger.getLogger(ScanRequestTopic.class);

    private final ScanConfig config;
    private final String bootstrapServers;

    ScanRequestTopic(ScanConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void create(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(ScanRequests.TOPIC)) {
                admin.createTopics(List.of(new NewTopic(ScanRequests.TOPIC, config.requestPartitions(), (short) -1)))
                        .all()
                        .get(10, TimeUnit.SECONDS);
                return;
            }
            int partitions = admin.describeTopics(List.of(ScanRequests.TOPIC))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(ScanRequests.TOPIC)
                    .partitions()
                    .size();
            if (partitions < config.requestPartitions()) {
                admin.createPartitions(Map.of(ScanRequests.TOPIC, NewPartitions.increaseTo(config.requestPartitions())))
                        .all()
                        .get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warnf(
                    e,
                    "Could not make sure %s exists with %d partitions",
                    ScanRequests.TOPIC,
                    config.requestPartitions());
        }
    }
}
