package dev.driftwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, in process) for the tests. It can be stopped and started again on the same
 * port and log directory, to test what the service does while Kafka is down.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static int port;
    private static int controllerPort;
    private static Path logDir;
    private static String clusterId;

    @Override
    public Map<String, String> start() {
        clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        try {
            logDir = Files.createTempDirectory("driftwatch-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A port found free can be taken (by any outgoing connection) before the broker binds it: then
        // try other ports, a few times.
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            controllerPort = freePort();
            try {
                if (port != controllerPort) {
                    startBroker();
                    return Map.of("kafka.bootstrap.servers", bootstrapServers());
                }
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.printf(
                        "Kafka broker did not start on %d/%d, trying other ports: %s%n", port, controllerPort, e);
            }
        }
    }

    @Override
    public void stop() {
        stopBroker();
    }

    public static String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(bootstrapServers());
    }

    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public static synchronized void startBroker() {
        broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir.toString());
                    p.put("offsets.topic.num.partitions", "1");
                })
                .start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
