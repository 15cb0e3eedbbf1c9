package dev.driftwatch.check;

import static dev.driftwatch.testsupport.SecurityGroups.rule;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.api.CheckResource;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The scan, {@code POST /api/checks} and the one-shot command line check conclude the same drift from the same
 * estate and state: they once diverged (the check left out what the scan applied), and they share one engine now.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ScanAndCheckAgreeIT {

    private static final String REGION = "us-east-1";
    private static final String ABSENT_GROUP = "sg-0aaaaaaaaaaaaaaa1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private String web;
    private String db;
    private String stray;
    private Path stateFile;

    @BeforeEach
    void estateWithEveryKindOfDrift() throws Exception {
        Database.cleanSlate();
        Moto.reset();
        TerraformStates.clear();
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        web = group(vpc, "web", "platform");
        db = group(vpc, "db", "data");
        stray = group(vpc, "stray", "nobody");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db)
                .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
        stateFile = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                web,
                                "web",
                                vpc,
                                REGION,
                                Map.of("Team", "platform-web"),
                                List.of(rule("tcp", 443, 443, "0.0.0.0/0"))))
                .resource(
                        "aws_security_group",
                        "db",
                        SecurityGroups.attributes(db, "db", vpc, REGION, Map.of("Team", "data"), List.of()))
                .resource(
                        "aws_security_group",
                        "gone",
                        SecurityGroups.attributes(ABSENT_GROUP, "gone", vpc, REGION, Map.of(), List.of()))
                .writeTo("network/terraform.tfstate");
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void scanServerCheckAndCommandLineCheckReportTheSameDrift() throws Exception {
        TreeSet<String> scanned = scanned();
        assertThat(scanned)
                .contains(
                        "CHANGED aws_security_group " + web + " [ingress, tags.Team]",
                        "CHANGED aws_security_group " + db + " [ingress]",
                        "UNMANAGED aws_security_group " + stray + " []",
                        "MISSING aws_security_group " + ABSENT_GROUP + " []");

        assertThat(serverChecked()).isEqualTo(scanned);
        CheckProcess.Outcome cli =
                CheckProcess.run("--state", stateFile.toString(), "--region", REGION, "--format", "json");
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
        assertThat(checked(JSON.readTree(cli.stdout()))).isEqualTo(scanned);
    }

    @Test
    void driftAcceptedThroughTheApiIsLeftOutByTheScanAndTheServerCheckAlike() {
        scanned();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "region",
                        REGION,
                        "type",
                        "aws_security_group",
                        "kind",
                        "UNMANAGED",
                        "reason",
                        "kept by hand",
                        "acceptedBy",
                        "alice"))
                .post("/api/drift/accept")
                .then()
                .statusCode(200);
        ec2.createTags(r -> r.resources(db).tags(t -> t.key("Team").value("someone-else")));

        TreeSet<String> scanned = scanned();
        assertThat(scanned)
                .noneMatch(f -> f.startsWith("UNMANAGED"))
                .contains("CHANGED aws_security_group " + db + " [ingress, tags.Team]");
        assertThat(serverChecked()).isEqualTo(scanned);
    }

    /** The drift findings the scan leaves open, as "kind type id [diff paths]". */
    private TreeSet<String> scanned() {
        assertThat(Scans.scanAndWait(REGION).getString("status")).isEqualTo("COMPLETE");
        JsonPath open = given().queryParam("status", "OPEN")
                .queryParam("region", REGION)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        TreeSet<String> findings = new TreeSet<>();
        for (Map<String, Object> f : open.<Map<String, Object>>getList("")) {
            if (!"VIOLATION".equals(f.get("kind"))) {
                List<?> diffs = (List<?>) f.get("diffs");
                findings.add(f.get("kind") + " " + f.get("type") + " " + f.get("resourceId") + " "
                        + new TreeSet<>(diffs.stream()
                                .map(d -> ((Map<?, ?>) d).get("path").toString())
                                .toList()));
            }
        }
        return findings;
    }

    private TreeSet<String> serverChecked() {
        try {
            Response check = given().contentType(ContentType.JSON)
                    .body(Files.readString(stateFile))
                    .queryParam("name", "network/terraform.tfstate")
                    .queryParam("region", REGION)
                    .post("/api/checks");
            check.then().statusCode(200).header(CheckResource.EXIT_CODE, "1");
            return checked(JSON.readTree(check.asString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The check's drift in the region, in the same form as {@link #scanned()}. */
    private static TreeSet<String> checked(JsonNode report) {
        TreeSet<String> drift = new TreeSet<>();
        for (JsonNode d : report.get("drift")) {
            if (REGION.equals(d.get("region").asText())) {
                drift.add(d.get("kind").asText() + " " + d.get("type").asText() + " "
                        + d.get("id").asText() + " "
                        + new TreeSet<>(StreamSupport.stream(d.get("diffs").spliterator(), false)
                                .map(diff -> diff.get("path").asText())
                                .toList()));
            }
        }
        return drift;
    }

    private String group(String vpc, String name, String team) {
        String id = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value(team)));
        return id;
    }
}
