package dev.driftwatch.baseline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The service remembers what each source listed: a state that is no longer listed, or a source that lists
 * nothing, leaves its resources unknown (no resolution, nothing UNMANAGED) until an operator confirms it.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class VanishedStatesIT {

    private static final String REGION = "us-east-1";
    private static final String SOURCE = "target/it-states/**.tfstate";

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void aStateNoLongerListedIsUnknownUntilAnOperatorConfirmsItGone() throws IOException {
        String web = group("web");
        String db = group("db");
        driftedStateOf(web, "web").writeTo("web.tfstate");
        Path dbState = driftedStateOf(db, "db").writeTo("db.tfstate");
        assertThat(Scans.scanAndWait(REGION).getString("status")).isEqualTo("COMPLETE");
        assertThat(open("CHANGED")).containsExactlyInAnyOrder(web, db);

        Files.delete(dbState); // moved or deleted by someone: not "nothing managed"
        JsonPath vanished = Scans.scanAndWait(REGION);

        assertThat(vanished.getString("status")).isEqualTo("PARTIAL");
        assertThat(problems(vanished))
                .containsExactly(Map.entry(
                        dbState.toString(),
                        "listed by " + SOURCE + " before, not now: unknown until confirmed gone; DELETE /api/states/"
                                + encoded(dbState) + " confirms"));
        assertThat(open("CHANGED")).containsExactlyInAnyOrder(web, db);
        assertThat(open("UNMANAGED")).doesNotContain(db);
        JsonPath states =
                given().get("/api/states").then().statusCode(200).extract().jsonPath();
        assertThat(states.getString("find { it.name == '" + dbState + "' }.status"))
                .isEqualTo("VANISHED");
        assertThat(states.getString("find { it.name == '" + dbState + "' }.source"))
                .isEqualTo(SOURCE);
        assertThat(states.getString("find { it.name == '" + dbState + "' }.lineage"))
                .isNotBlank();
        assertThat(states.getString("find { it.name.endsWith('web.tfstate') }.status"))
                .isEqualTo("READ");

        String webState = states.getString("find { it.name.endsWith('web.tfstate') }.name");
        delete(webState).then().statusCode(409);
        delete("/nowhere/else.tfstate").then().statusCode(404);
        delete(dbState.toString()).then().statusCode(204);

        JsonPath confirmed = Scans.scanAndWait(REGION);
        assertThat(confirmed.getString("status")).isEqualTo("COMPLETE");
        assertThat(open("CHANGED")).containsExactly(web);
        assertThat(open("UNMANAGED")).contains(db);
    }

    @Test
    void aSourceThatListsNoStateIsAProblemAndNothingIsUnmanaged() throws IOException {
        String stray = group("stray");
        try (Stream<Path> files = Files.list(TerraformStates.DIR)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        JsonPath scan = Scans.scanAndWait(REGION);

        assertThat(scan.getString("status")).isEqualTo("PARTIAL");
        assertThat(problems(scan))
                .containsExactly(Map.entry(
                        SOURCE,
                        "no state found (no file matches the glob below " + TerraformStates.DIR.toAbsolutePath()
                                + "): its resources are unknown, not unmanaged"));
        assertThat(open("UNMANAGED")).doesNotContain(stray);
    }

    private static String group(String name) {
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            return ec2.createSecurityGroup(r -> r.groupName(name).description("Managed by Terraform"))
                    .groupId();
        }
    }

    /** A state holding the group with a tag the live one does not have: CHANGED. */
    private static TerraformStates driftedStateOf(String groupId, String name) {
        return TerraformStates.state()
                .resource(
                        "aws_security_group",
                        name,
                        SecurityGroups.attributes(groupId, name, null, REGION, Map.of("Team", "platform"), List.of()));
    }

    private static List<String> open(String kind) {
        return given().queryParam("status", "OPEN")
                .queryParam("kind", kind)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("resourceId", String.class);
    }

    private static Map<String, String> problems(JsonPath scan) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        scan.getList("problems", Map.class)
                .forEach(p -> problems.put((String) p.get("part"), (String) p.get("reason")));
        return problems;
    }

    private static io.restassured.response.Response delete(String state) {
        return given().urlEncodingEnabled(false)
                .delete("/api/states/" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    private static String encoded(Path state) {
        return URLEncoder.encode(state.toString(), StandardCharsets.UTF_8);
    }
}
