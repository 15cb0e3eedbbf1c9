package dev.driftwatch.coverage;

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
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** IaC coverage after real scans of moto: through the API and the Prometheus gauge, kept from partial reads. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class CoverageIT {

    private static final String REGION = "us-east-1";
    private static final String SG = "aws_security_group";

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
    void aScanStoresCoveragePerTypeWithAwsManagedApart() {
        String web = group("web");
        group("stray");
        TerraformStates.state()
                .resource(SG, "web", SecurityGroups.attributes(web, "web", vpc, REGION, Map.of(), List.of()))
                .writeTo("net/terraform.tfstate");

        long scan = Scans.scanAndWait(REGION).getLong("id");

        JsonPath coverage = given().queryParam("region", REGION)
                .queryParam("type", SG)
                .get("/api/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The default VPC's "default" group is AWS's: listed apart, not in the ratio.
        assertThat(coverage.getList("rows")).hasSize(1);
        assertThat(coverage.getString("rows[0].account")).isEqualTo(Moto.ACCOUNT);
        assertThat(coverage.getInt("rows[0].managed")).isEqualTo(1);
        assertThat(coverage.getInt("rows[0].unmanaged")).isEqualTo(1);
        assertThat(coverage.getInt("rows[0].awsManaged")).isEqualTo(1);
        assertThat(coverage.getDouble("rows[0].ratio")).isEqualTo(0.5);
        assertThat(coverage.getLong("rows[0].scanId")).isEqualTo(scan);
        assertThat(coverage.getDouble("totals.ratio")).isEqualTo(0.5);
        assertThat(coverage.getBoolean("strict")).isFalse();

        JsonPath all = given().queryParam("account", Moto.ACCOUNT)
                .get("/api/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("rows.type", String.class))
                .contains(SG, "aws_vpc", "aws_subnet")
                .doesNotHaveDuplicates();
        assertThat(all.getLong("totals.awsManaged"))
                .isEqualTo(all.getList("rows.awsManaged", Long.class).stream()
                        .mapToLong(l -> l)
                        .sum());

        String metrics =
                Management.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("driftwatch_iac_coverage_ratio{account=\"" + Moto.ACCOUNT + "\",region=\"" + REGION
                        + "\",type=\"aws_security_group\"} 0.5");
    }

    @Test
    void aScanThatCouldNotReadEveryStateLeavesCoverageAsItWas() {
        String web = group("web");
        TerraformStates.state()
                .resource(SG, "web", SecurityGroups.attributes(web, "web", vpc, REGION, Map.of(), List.of()))
                .writeTo("net/terraform.tfstate");
        long complete = Scans.scanAndWait(REGION).getLong("id");

        // The state becomes unreadable (a truncated upload): had this scan counted, "web" would look unmanaged.
        TerraformStates.clear();
        TerraformStates.writeRaw("net/terraform.tfstate", "{\"version\": 4, \"resources\": [");
        group("stray");
        JsonPath partial = Scans.scanAndWait(REGION);
        assertThat(partial.getString("status")).isEqualTo("PARTIAL");

        JsonPath coverage = given().queryParam("type", SG)
                .queryParam("region", REGION)
                .get("/api/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(coverage.getInt("rows[0].managed")).isEqualTo(1);
        assertThat(coverage.getInt("rows[0].unmanaged")).isZero();
        assertThat(coverage.getLong("rows[0].scanId")).isEqualTo(complete);
        assertThat(Management.get("/q/metrics").then().extract().asString())
                .contains("driftwatch_iac_coverage_ratio{account=\"" + Moto.ACCOUNT + "\",region=\"" + REGION
                        + "\",type=\"aws_security_group\"} 1.0");
    }

    @Test
    void filtersThatMatchNothingGiveNoRowsAndNoRatio() {
        JsonPath coverage = given().queryParam("account", "000000000000")
                .get("/api/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(coverage.getList("rows")).isEmpty();
        assertThat(coverage.getLong("totals.managed")).isZero();
        assertThat(coverage.getString("totals.ratio")).isNull();
    }

    private String group(String name) {
        return ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
    }
}
