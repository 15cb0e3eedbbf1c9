package dev.driftwatch.baseline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service reads states from an S3 backend (in moto, through a role) and an HTTP backend (a server in
 * this test) next to local files: findings name those states, and a second scan reuses them unparsed.
 */
@QuarkusTest
@TestProfile(RemoteStatesIT.Sources.class)
@WithTestResource(KafkaBroker.class)
class RemoteStatesIT {

    private static final String REGION = "us-east-1";
    private static final String BUCKET = "it-terraform-states";
    private static final String TOKEN = "glpat-it-secret";
    /**
     * What the server serves and the tokens it received live in files: the profile starts the server from
     * JUnit's class loader, the test runs in Quarkus's, so the two do not share static fields.
     */
    private static final Path SERVED = Path.of("target/it-http-state/app.tfstate");

    private static final Path TOKENS_RECEIVED = Path.of("target/it-http-state/tokens-received");

    public static class Sources implements QuarkusTestProfile {
        private static final HttpServer SERVER = server();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("driftwatch.baseline.s3.\"it\".bucket", BUCKET),
                    Map.entry("driftwatch.baseline.s3.\"it\".key", "network/terraform.tfstate"),
                    Map.entry("driftwatch.baseline.s3.\"it\".workspaces", "staging"),
                    Map.entry("driftwatch.baseline.s3.\"it\".endpoint", Moto.URL),
                    Map.entry("driftwatch.baseline.s3.\"it\".sts-endpoint", Moto.URL),
                    Map.entry("driftwatch.baseline.s3.\"it\".role-arn", "arn:aws:iam::222233334444:role/state-reader"),
                    // The account that created the bucket below (moto's own; moto does not check it, S3StateSourceTest
                    // does)
                    Map.entry("driftwatch.baseline.s3.\"it\".expected-bucket-owner", Moto.ACCOUNT),
                    Map.entry("driftwatch.baseline.s3.\"it\".access-key-id", "test"),
                    Map.entry("driftwatch.baseline.s3.\"it\".secret-access-key", "test"),
                    Map.entry(
                            "driftwatch.baseline.http.\"gitlab\".url",
                            "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/state/app?ref=x"),
                    Map.entry("driftwatch.baseline.http.\"gitlab\".headers.PRIVATE-TOKEN", TOKEN));
        }
    }

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        write(TOKENS_RECEIVED, "");
    }

    @Test
    void findingsNameTheRemoteStatesAndUnchangedStatesAreNotParsedAgain() {
        String network;
        String staging;
        String app;
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            network = ec2.createSecurityGroup(r -> r.groupName("network").description("Managed by Terraform"))
                    .groupId();
            staging = ec2.createSecurityGroup(r -> r.groupName("staging").description("Managed by Terraform"))
                    .groupId();
            app = ec2.createSecurityGroup(r -> r.groupName("app").description("Managed by Terraform"))
                    .groupId();
        }
        try (S3Client s3 = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(Moto.URL))
                .forcePathStyle(true)
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            s3.putObject(
                    r -> r.bucket(BUCKET).key("network/terraform.tfstate"),
                    RequestBody.fromString(state(network, "network")));
            s3.putObject(
                    r -> r.bucket(BUCKET).key("env:/staging/network/terraform.tfstate"),
                    RequestBody.fromString(state(staging, "staging")));
        }
        write(SERVED, state(app, "app"));
        String configured =
                ConfigProvider.getConfig().getValue("driftwatch.baseline.http.\"gitlab\".url", String.class);
        String address = configured.substring(0, configured.indexOf('?')); // the query is left out of the state's name

        Scans.scanAndWait(REGION);
        JsonPath second = Scans.scanAndWait(REGION);

        assertThat(second.getString("status")).isEqualTo("COMPLETE");
        JsonPath open = given().queryParam("status", "OPEN")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> stateByGroup = new java.util.HashMap<>();
        open.getList("$", Map.class).stream()
                .filter(f -> "CHANGED".equals(f.get("kind")))
                .forEach(f -> stateByGroup.put((String) f.get("resourceId"), (String) f.get("stateFile")));
        assertThat(stateByGroup)
                .containsOnly(
                        Map.entry(network, "s3://" + BUCKET + "/network/terraform.tfstate"),
                        Map.entry(staging, "s3://" + BUCKET + "/env:/staging/network/terraform.tfstate"),
                        Map.entry(app, address));
        assertThat(read(TOKENS_RECEIVED).lines()).hasSize(2).containsOnly(TOKEN);

        String metrics = Management.get("/q/metrics").asString();
        assertThat(metrics)
                .contains("driftwatch_state_reads_total{outcome=\"parsed\",source=\"s3.it\"} 2.0")
                .contains("driftwatch_state_reads_total{outcome=\"unchanged\",source=\"s3.it\"} 2.0")
                .contains("driftwatch_state_reads_total{outcome=\"parsed\",source=\"http.gitlab\"} 1.0")
                .contains("driftwatch_state_reads_total{outcome=\"unchanged\",source=\"http.gitlab\"} 1.0")
                .doesNotContain(TOKEN);
    }

    /** A state holding the group with a tag the live one does not have: CHANGED, named by this state. */
    private static String state(String groupId, String name) {
        return TerraformStates.state()
                .resource(
                        "aws_security_group",
                        name,
                        SecurityGroups.attributes(groupId, name, null, REGION, Map.of("Team", "platform"), List.of()))
                .json();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer server() {
        write(SERVED, "");
        write(TOKENS_RECEIVED, "");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/state/app", exchange -> {
                Files.writeString(
                        TOKENS_RECEIVED,
                        exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN") + "\n",
                        StandardOpenOption.APPEND);
                String served = read(SERVED);
                String etag = "\"" + Integer.toHexString(served.hashCode()) + "\"";
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                byte[] body = served.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
