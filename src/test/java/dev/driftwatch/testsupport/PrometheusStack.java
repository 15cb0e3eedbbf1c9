package dev.driftwatch.testsupport;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus and Alertmanager on loopback, as a deployment runs them: Prometheus scrapes the service's
 * management port as job {@code driftwatch}, evaluates {@code deploy/prometheus/driftwatch-rules.yml} and sends
 * to the Alertmanager. Scrapes, evaluations and notifications run every second so a test need not wait minutes.
 * Both binaries must be installed ({@code install_prometheus}); a missing one fails the test.
 *
 * <p>Rules that compare with half an hour ago need history a fresh Prometheus lacks: {@link #start} backfills
 * (with {@code promtool tsdb create-blocks-from openmetrics}) that the job was up, with no driftwatch series,
 * for the hour before the test: what a Prometheus that had watched the service for a while would hold.
 */
public final class PrometheusStack implements AutoCloseable {

    private static final Path RULES = Path.of("deploy/prometheus/driftwatch-rules.yml");

    private final List<Process> processes = new ArrayList<>();
    private final Path directory;
    private int prometheusPort;
    private int alertmanagerPort;

    private PrometheusStack(Path directory) {
        this.directory = directory;
    }

    /** Alertmanager first (Prometheus only re-sends on its resend delay), then Prometheus scraping the service. */
    public static PrometheusStack start(int managementPort) {
        try {
            Path directory = Files.createDirectories(Path.of("target/prometheus-stack"));
            PrometheusStack stack = new PrometheusStack(Files.createTempDirectory(directory, "run-"));
            stack.startAlertmanager();
            stack.startPrometheus(managementPort);
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instant query's result vector ({@code data.result}); fails on any error Prometheus reports. */
    public List<Map<String, Object>> query(String promql) {
        JsonPath answer = loopback()
                .port(prometheusPort)
                .queryParam("query", promql)
                .get("/api/v1/query")
                .then()
                .extract()
                .jsonPath();
        if (!"success".equals(answer.getString("status"))) {
            throw new AssertionError("Prometheus refused " + promql + ": " + answer.getString("errorType") + " "
                    + answer.getString("error"));
        }
        return answer.getList("data.result");
    }

    /** The alerts the Alertmanager holds as active (not resolved), each with its labels. */
    public List<Map<String, Object>> activeAlerts() {
        return loopback()
                .port(alertmanagerPort)
                .queryParam("active", true)
                .get("/api/v2/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    private void startAlertmanager() throws IOException {
        alertmanagerPort = freePort();
        Path config = Files.writeString(directory.resolve("alertmanager.yml"), """
                route:
                  receiver: nobody
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: nobody
                """);
        spawn(
                "alertmanager",
                List.of(
                        "prometheus-alertmanager",
                        "--config.file=" + config,
                        "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                        "--cluster.listen-address=",
                        "--storage.path=" + Files.createDirectories(directory.resolve("alertmanager-data"))));
        awaitReady(alertmanagerPort, "/-/ready");
    }

    private void startPrometheus(int managementPort) throws IOException {
        prometheusPort = freePort();
        Path data = Files.createDirectories(directory.resolve("prometheus-data"));
        backfillUp(data);
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:%d']
                scrape_configs:
                  - job_name: driftwatch
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(
                        RULES.toAbsolutePath(), alertmanagerPort, managementPort));
        spawn(
                "prometheus",
                List.of(
                        "prometheus",
                        "--config.file=" + config,
                        "--web.listen-address=127.0.0.1:" + prometheusPort,
                        "--storage.tsdb.path=" + data,
                        "--rules.alert.resend-delay=1s"));
        awaitReady(prometheusPort, "/-/ready");
    }

    /** up{job="driftwatch"} = 1 every minute of the hour that ended two minutes ago. */
    private void backfillUp(Path data) throws IOException {
        long end = Instant.now().minus(Duration.ofMinutes(2)).getEpochSecond();
        StringBuilder samples = new StringBuilder("# TYPE up gauge\n");
        for (long at = end - 3600; at <= end; at += 60) {
            samples.append("up{job=\"driftwatch\",instance=\"before-the-test\"} 1 ")
                    .append(at)
                    .append('\n');
        }
        samples.append("# EOF\n");
        Path file = Files.writeString(directory.resolve("history.om"), samples);
        run(List.of("promtool", "tsdb", "create-blocks-from", "openmetrics", file.toString(), data.toString()));
    }

    private void spawn(String name, List<String> command) throws IOException {
        processes.add(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start());
    }

    private void run(List<String> command) throws IOException {
        Path log = directory.resolve(command.get(0) + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void awaitReady(int port, String path) {
        Process last = processes.get(processes.size() - 1);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast("exited; see the logs in " + directory, () -> !last.isAlive())
                .until(() -> loopback().port(port).get(path).statusCode() == 200);
    }

    private static RequestSpecification loopback() {
        return RestAssured.given().baseUri("http://127.0.0.1");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
