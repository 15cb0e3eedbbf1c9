package dev.driftwatch.drift;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Ignore rules from a .driftignore file and from configuration, applied to real scans of moto. */
@QuarkusTest
@TestProfile(DriftIgnoreIT.IgnoreProfile.class)
@WithTestResource(KafkaBroker.class)
class DriftIgnoreIT {

    private static final String REGION = "us-east-1";
    private static final String ABSENT_GROUP = "sg-0123456789abcdef0";
    private static final Path IGNORE_FILE = Path.of("target/it-ignore/.driftignore");
    private static final Path MISSING_FILE = Path.of("target/it-ignore/absent.driftignore");

    /** One ignore file (written by the test) and one that does not exist; one rule in configuration. */
    public static class IgnoreProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "driftwatch.drift.ignore-files",
                    IGNORE_FILE + "," + MISSING_FILE,
                    "driftwatch.drift.ignore",
                    "aws_security_group.*.tags.CostCentre");
        }
    }

    private final Ec2Client ec2 = Moto.ec2(REGION);

    @BeforeEach
    void cleanSlate() throws IOException {
        Database.cleanSlate();
        Files.createDirectories(IGNORE_FILE.getParent());
        Files.deleteIfExists(MISSING_FILE);
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void ignoredDriftIsNoFindingAndAnOpenFindingThatBecomesIgnoredResolves() throws IOException {
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String web = createGroup(vpc, "web", Map.of("Team", "platform", "CostCentre", "1", "Owner", "bob"));
        String stray = createGroup(vpc, "stray", Map.of());
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                web,
                                "web",
                                vpc,
                                REGION,
                                Map.of("Team", "platform-web", "CostCentre", "2", "Owner", "alice"),
                                List.of()))
                .resource(
                        "aws_security_group",
                        "gone",
                        SecurityGroups.attributes(ABSENT_GROUP, "gone", vpc, REGION, Map.of(), List.of()))
                .writeTo("network/terraform.tfstate");
        Files.writeString(
                IGNORE_FILE,
                String.join(
                        "\n",
                        "# strays the platform team knows about",
                        "aws_security_group." + stray,
                        "aws_security_group." + web + ".tags.Team",
                        "aws_security_group." + web + " .tags",
                        ""));

        assertThat(Scans.scanAndWait(REGION).getString("status")).isEqualTo("COMPLETE");

        JsonPath open = open();
        assertThat(open.getList("kind", String.class)).containsExactlyInAnyOrder("CHANGED", "MISSING");
        Map<String, Object> changed = open.getMap("find { it.kind == 'CHANGED' }");
        assertThat(changed.get("diffs"))
                .isEqualTo(List.of(Map.of("path", "tags.Owner", "expected", "alice", "actual", "bob")));

        JsonPath ignore = given().get("/api/drift/ignore")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ignore.getList("rules.origin", String.class))
                .containsExactly(IGNORE_FILE + ":2", IGNORE_FILE + ":3", "driftwatch.drift.ignore:1");
        assertThat(ignore.getList("errors", Map.class))
                .extracting(e -> e.get("source") + ":" + e.get("line"))
                .containsExactly(IGNORE_FILE + ":4", MISSING_FILE + ":0");
        assertThat(ignore.getString("errors[0].reason")).contains("whitespace");
        assertThat(ignore.getString("errors[1].reason")).contains("cannot be read");
        assertThat(Management.get("/q/metrics").asString()).contains("driftwatch_drift_ignore_errors 2.0");

        // The file is read again at each scan: ignoring the missing group now resolves its open finding.
        Files.writeString(
                IGNORE_FILE,
                "aws_security_group." + stray + "\naws_security_group." + web + ".tags\n" + "aws_security_group."
                        + ABSENT_GROUP.replace(".", "\\.") + "\n");
        JsonPath second = Scans.scanAndWait(REGION);

        assertThat(second.getInt("findingsResolved")).isEqualTo(2);
        assertThat(open().getList("")).isEmpty();
        assertThat(Management.get("/q/metrics").asString()).contains("driftwatch_drift_ignore_errors 1.0");
    }

    private String createGroup(String vpc, String name, Map<String, String> tags) {
        String id = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        tags.forEach(
                (k, v) -> ec2.createTags(r -> r.resources(id).tags(t -> t.key(k).value(v))));
        return id;
    }

    private static JsonPath open() {
        return given().queryParam("status", "OPEN")
                .queryParam("region", REGION)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
