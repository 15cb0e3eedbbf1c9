package dev.driftwatch.scan;

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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * What the states hold that a scan does not compare is a problem on the scan, never silence: resources
 * outside every configured account and region, resources whose location cannot be told, a resource claimed
 * by two states. And coverage says how much of each state is of types driftwatch does not read.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class StateScopeIT {

    private static final String REGION = "us-east-1";
    private static final String GONE = "sg-0eeeeeeeeeeeeeee1";
    private static final String WEST = "provider[\"registry.terraform.io/hashicorp/aws\"].west";

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private String vpc;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void whatNoScanComparesIsAProblemAndAResourceClaimedTwiceIsOneFinding() {
        String web = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        String far = ec2.createSecurityGroup(r ->
                        r.groupName("far").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        Map<String, Object> farWithoutArn =
                new LinkedHashMap<>(SecurityGroups.attributes(far, "far", vpc, REGION, Map.of(), List.of()));
        farWithoutArn.remove("arn");
        Path network = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(web, "web", vpc, REGION, Map.of(), List.of()))
                .resource(
                        "aws_security_group",
                        "gone",
                        SecurityGroups.attributes(GONE, "gone", vpc, REGION, Map.of(), List.of()))
                .resource("aws_security_group", "far", WEST, farWithoutArn)
                .resource("aws_route53_record", "www", Map.of("id", "Z1_www.example.com_A"))
                .writeTo("network/terraform.tfstate");
        Path copy = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "gone_copy",
                        SecurityGroups.attributes(GONE, "gone", vpc, REGION, Map.of(), List.of()))
                .writeTo("copy/terraform.tfstate");
        Path canada = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "ca",
                        SecurityGroups.attributes(
                                "sg-0ca0000000000001", "ca", "vpc-1", "ca-central-1", Map.of(), List.of()))
                .writeTo("canada/terraform.tfstate");

        JsonPath scan = Scans.scanAndWait(REGION);

        assertThat(scan.getString("status")).isEqualTo("PARTIAL");
        List<String> problems = scan.getList("problems", Map.class).stream()
                .map(p -> p.get("part") + ": " + p.get("reason"))
                .toList();
        assertThat(problems)
                .contains(
                        canada + ": 1 resource(s) outside every configured account and region, not compared (1 in "
                                + Moto.ACCOUNT
                                + "/ca-central-1); add them to driftwatch.inventory.accounts / driftwatch.inventory.regions",
                        network
                                + ": cannot tell the account of aws_security_group.far (it has no ARN, nor has any other resource of its"
                                + " provider in this state); set driftwatch.baseline.providers.\"aws.west\".account or"
                                + " driftwatch.baseline.terraform.default-account; not compared anywhere",
                        copy + ": aws_security_group " + GONE + " is claimed by " + copy
                                + ":aws_security_group.gone_copy and " + network + ":aws_security_group.gone (in "
                                + Moto.ACCOUNT + "/" + REGION + "); compared with the first claim only");
        assertThat(problems).noneMatch(p -> p.contains("aws_route53_record"));

        JsonPath open = given().queryParam("status", "OPEN")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(open.getList("resourceId", String.class))
                .as("far may be what the unlocated entry describes: not UNMANAGED")
                .doesNotContain(far);
        assertThat(open.getList("findAll { it.resourceId == '" + GONE + "' }.kind", String.class))
                .containsExactly("MISSING");

        JsonPath coverage =
                given().get("/api/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(coverage.getString("states.find { it.stateFile == '" + network + "' }.summary"))
                .isEqualTo("1 of 4 resources in this state are of unsupported types");
        assertThat(coverage.getInt(
                        "states.find { it.stateFile == '" + network + "' }.unsupportedTypes.aws_route53_record"))
                .isEqualTo(1);
    }
}
