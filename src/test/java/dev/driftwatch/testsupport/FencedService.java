package dev.driftwatch.testsupport;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged service as its own process on the restartable database (FenceDatabase), a Kafka broker of its
 * own and EC2 through HeldEc2, scanning us-east-1: for tests that restart PostgreSQL or stop the service.
 */
public final class FencedService {

    private FencedService() {}

    /** Empties the fence database, moto and the state directory, then the configuration for a service on them. */
    public static Map<String, String> onACleanSlate(StandaloneKafka kafka, HeldEc2 ec2Front) throws Exception {
        FenceDatabase.clear();
        Moto.reset();
        TerraformStates.clear();
        return config(kafka, ec2Front.start().values().iterator().next());
    }

    public static Map<String, String> config(StandaloneKafka kafka, String ec2Url) throws java.io.IOException {
        Path policies = Files.createDirectories(Path.of("target/it-policies"));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", FenceDatabase.URL);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("driftwatch.aws.endpoint-override", Moto.URL);
        config.put("driftwatch.aws.service-endpoints.ec2", ec2Url);
        config.put("driftwatch.inventory.regions", "us-east-1");
        config.put("driftwatch.inventory.account-id", Moto.ACCOUNT);
        config.put("driftwatch.scan.interval", "24h");
        config.put("driftwatch.scan.initial-delay", "24h");
        config.put("driftwatch.baseline.terraform.paths", TerraformStates.DIR + "/**.tfstate");
        config.put("driftwatch.policy.directories", policies.toString());
        config.put("aws.accessKeyId", "test");
        config.put("aws.secretAccessKey", "test");
        return config;
    }

    /** Requests a scan of us-east-1 (again while the service has no database connection yet); answers its id. */
    public static long requestScan(SecondInstance service) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> service.post("/api/scans?region=us-east-1"), r -> r.statusCode() == 202)
                .body()
                .transform(body -> new JsonPath(body).getLong("[0].id"));
    }

    public static JsonPath awaitFinished(SecondInstance service, long id) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () -> new JsonPath(service.get("/api/scans/" + id).body()),
                        scan -> !"QUEUED".equals(scan.getString("status"))
                                && !"RUNNING".equals(scan.getString("status")));
    }
}
