package dev.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The one-shot check asked of the running service, as a pipeline does with {@code bin/driftwatch-check
 * --server}: it posts its state and reads the exit code from a header.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class CheckResourceIT {

    private static final String REGION = "us-east-1";

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private String group;
    private String vpc;

    @BeforeEach
    void estate() {
        Database.cleanSlate();
        vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("platform")));
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void inSyncAnswersExitCodeZero() {
        Response check = post(state(), "onlyManaged", true);

        check.then().statusCode(200).header(CheckResource.EXIT_CODE, "0");
        assertThat(check.jsonPath().getString("status")).isEqualTo("in-sync");
        assertThat(check.jsonPath().getList("drift")).isEmpty();
    }

    @Test
    void driftIsReportedOnTheStatesAddressWithExitCodeOne() {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));

        Response check = post(state(), "onlyManaged", true, "name", "network/prod.tfstate");

        check.then().statusCode(200).header(CheckResource.EXIT_CODE, "1");
        assertThat(check.jsonPath().getString("drift[0].kind")).isEqualTo("CHANGED");
        assertThat(check.jsonPath().getString("drift[0].address")).isEqualTo("aws_security_group.web");
        assertThat(check.jsonPath().getString("drift[0].stateFile")).isEqualTo("network/prod.tfstate");
        assertThat(check.jsonPath().getString("drift[0].diffs[0].cloud")).isEqualTo("someone-else");

        Response table = post(state(), "onlyManaged", true, "format", "table");
        table.then().statusCode(200).contentType(ContentType.TEXT).header(CheckResource.EXIT_CODE, "1");
        assertThat(table.asString()).contains("tags.Team: \"platform\" (state) -> \"someone-else\" (cloud)");
    }

    @Test
    void driftAcceptedThroughTheApiIsLeftOut() {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));
        TerraformStates.writeRaw("network/terraform.tfstate", state()); // the service's own view, for the scan
        assertThat(Scans.scanAndWait(REGION).getInt("findingsOpened")).isEqualTo(1);
        given().contentType(ContentType.JSON)
                .body(Map.of("region", REGION, "reason", "Team renamed", "acceptedBy", "alice"))
                .post("/api/drift/accept")
                .then()
                .statusCode(200);

        post(state(), "onlyManaged", true).then().statusCode(200).header(CheckResource.EXIT_CODE, "0");
    }

    @Test
    void sensitiveValuesOfThePostedStateAreNotEchoed() {
        String withSecret = state().replace("\"Managed by Terraform\"", "\"s3cr3t-in-description\"")
                .replace(
                        "\"sensitive_attributes\" : [ ]",
                        "\"sensitive_attributes\" : [ [ {\"type\": \"get_attr\", \"value\": \"description\"} ] ]");
        assertThat(withSecret).contains("s3cr3t-in-description", "get_attr");

        Response check = post(withSecret, "onlyManaged", true);

        check.then().statusCode(200).header(CheckResource.EXIT_CODE, "0");
        assertThat(check.asString()).doesNotContain("s3cr3t");
    }

    @Test
    void aBrokenStateOrAnUnknownAccountIsAnErrorWithExitCodeTwo() {
        Response broken = post("{\"version\": 4, \"resources\": [", "name", "half.tfstate");
        broken.then().statusCode(200).header(CheckResource.EXIT_CODE, "2");
        assertThat(broken.jsonPath().getList("errors", String.class))
                .singleElement()
                .asString()
                .startsWith("state half.tfstate: truncated");

        Response unknown = post(state(), "account", "999999999999");
        unknown.then().statusCode(200).header(CheckResource.EXIT_CODE, "2");
        assertThat(unknown.jsonPath().getList("errors", String.class))
                .contains("account 999999999999 is not configured (driftwatch.inventory.accounts)");

        given().contentType(ContentType.JSON)
                .body(state())
                .queryParam("format", "yaml")
                .post("/api/checks")
                .then()
                .statusCode(400);
    }

    @Test
    void aStateInAnotherRegionOrOfUnsupportedTypesIsNotInSync() {
        String canada = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                "sg-0ca0000000000001", "web", "vpc-1", "ca-central-1", Map.of(), List.of()))
                .json();

        Response elsewhere = post(canada, "onlyManaged", true);
        elsewhere.then().statusCode(200).header(CheckResource.EXIT_CODE, "2");
        assertThat(elsewhere.jsonPath().getString("notChecked[0].reason")).isEqualTo("other-region");
        assertThat(elsewhere.jsonPath().getString("summary")).doesNotStartWith("In sync");

        String withDns = state().replace(
                        "\"resources\" : [ {",
                        "\"resources\" : [ {\"mode\": \"managed\", \"type\": \"aws_route53_record\","
                                + " \"name\": \"www\", \"instances\": [ {\"attributes\": {\"id\": \"Z1_www_A\"}} ]}, {");
        assertThat(withDns).contains("aws_route53_record");
        post(withDns, "onlyManaged", true).then().statusCode(200).header(CheckResource.EXIT_CODE, "0");
        Response strict = post(withDns, "onlyManaged", true, "strict", true);
        strict.then().statusCode(200).header(CheckResource.EXIT_CODE, "2");
        assertThat(strict.jsonPath().getString("notChecked[0].reason")).isEqualTo("unsupported-type");
    }

    @Test
    void theCheckScriptAsksTheServiceWhenGivenItsAddress() throws Exception {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));
        Path file = TerraformStates.writeRaw("ci/network.tfstate", state());

        ProcessBuilder builder = new ProcessBuilder(
                        "bin/driftwatch-check",
                        "--server",
                        "http://localhost:" + RestAssured.port,
                        "--state",
                        file.toString(),
                        "--region",
                        REGION,
                        "--only-managed")
                .redirectErrorStream(true);
        builder.environment().put("DRIFTWATCH_TOKEN", TestIdentity.TOKEN);
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(script.waitFor()).as(output).isEqualTo(1);
        assertThat(output)
                .contains(
                        "CHANGED",
                        "aws_security_group.web",
                        file.toString(),
                        "tags.Team: \"platform\" (state) -> \"someone-else\" (cloud)");
    }

    private String state() {
        return TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(group, "web", vpc, REGION, Map.of("Team", "platform"), List.of()))
                .json();
    }

    /** A check of us-east-1 (and the account's global resources): the test profile's eu-west-1 is unreachable. */
    private static Response post(String state, Object... query) {
        var request = given().contentType(ContentType.JSON).body(state).queryParam("region", REGION);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.post("/api/checks");
    }
}
