package dev.driftwatch.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another replica of driftwatch: the packaged service started as its own process, configured like the
 * test's instance, sharing its database, Kafka broker and moto.
 */
public final class SecondInstance implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private SecondInstance(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts it with these settings and waits until it is ready. */
    public static SecondInstance start(Map<String, String> config) throws IOException {
        return start(config, Path.of("target/second-instance.log"));
    }

    /** Starts it with these settings, its output in {@code log} (kept for reading after a failure). */
    public static SecondInstance start(Map<String, String> config, Path log) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m"));
        // The tests' identity (TestIdentity), known to this replica too; overridable through config.
        command.add("-Ddriftwatch.auth.bootstrap-token=" + TestIdentity.TOKEN);
        command.add("-Ddriftwatch.auth.bootstrap-token-name=" + TestIdentity.NAME);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SecondInstance instance = new SecondInstance(process, port, managementPort, log);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("the second instance exited; see " + log, () -> !process.isAlive())
                .until(() -> instance.get("/q/health/ready").statusCode() == 200);
        return instance;
    }

    public String metrics() throws IOException, InterruptedException {
        return get("/q/metrics").body();
    }

    /** A GET as the tests' identity; /q/... paths go to the management port. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a JSON body as the tests' identity. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        request(path)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        int to = path.startsWith("/q/") ? managementPort : port;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                .header("Authorization", TestIdentity.bearer(TestIdentity.TOKEN));
    }

    /** The service's process, e.g. to send it SIGTERM ({@link Process#destroy()}). */
    public Process process() {
        return process;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
