package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One slow source does not stall every scan: a scan waits for a read in progress at most max-wait. */
class BaselineReaderSlowSourceTest {

    private HttpServer server;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final CountDownLatch stalled = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/state", exchange -> {
            if (release.getCount() > 0) {
                stalled.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = States.groups(1, "lin", "sg-1").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aScanWaitingPastMaxWaitGetsEveryStateUnknownNotAConfidentAnswer() throws Exception {
        String address = "http://127.0.0.1:" + server.getAddress().getPort() + "/state";
        HttpStateSource source = new HttpStateSource(
                "http.slow",
                URI.create(address),
                Map.of(),
                Duration.ofSeconds(30),
                StateLocations.defaults(Optional.empty(), Optional.empty()));
        BaselineReader reader = new BaselineReader(
                List.of(source),
                new ObjectMapper(),
                new SimpleMeterRegistry(),
                new InMemoryStateMemory(),
                new ReadLimits(3, 0.5, Duration.ofMillis(300)),
                Clock.systemUTC());
        assertThat(reader.load().complete()).isTrue();

        release = new CountDownLatch(1);
        CompletableFuture<BaselineSnapshot> slow = CompletableFuture.supplyAsync(reader::load);
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        BaselineSnapshot waiting = reader.load();
        long waitedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(waitedMs).isBetween(250L, 5_000L);
        assertThat(waiting.complete()).isFalse();
        assertThat(waiting.resources()).isEmpty();
        assertThat(waiting.failedSources()).containsExactly(address);
        assertThat(waiting.errors())
                .singleElement()
                .satisfies(
                        e -> assertThat(e.toString())
                                .isEqualTo(
                                        "driftwatch.baseline: another read of the states is still running after max-wait 0.3 s: every state is unknown for this scan"));

        // The read in progress still finishes, for the scans after it.
        release.countDown();
        BaselineSnapshot finished = slow.get(10, TimeUnit.SECONDS);
        assertThat(finished.complete()).isTrue();
        assertThat(finished.resources()).extracting(r -> r.resource().id()).containsExactly("sg-1");
    }
}
