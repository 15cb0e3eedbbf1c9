package dev.driftwatch.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A Kafka broker (KRaft, in process) of a test's own, for services started as processes (see SecondInstance). */
public final class StandaloneKafka implements AutoCloseable {

    private final int port = freePort();
    private final EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withKafkaHost("127.0.0.1")
            .withKafkaPort(port)
            .withControllerPort(freePort())
            .withAdditionalProperties(p -> p.put("offsets.topic.num.partitions", "1"))
            .start();

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        broker.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
