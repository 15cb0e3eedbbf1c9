package dev.driftwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingLifecycle;
import dev.driftwatch.finding.Observation;
import dev.driftwatch.finding.ResolutionScope;
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
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * eu-west-1 is unreachable in the test profile (its endpoint is a closed port): its scan must say so and
 * conclude nothing about what it could not read, while us-east-1 is scanned normally.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class PartialScanIT {

    private static final String UNREACHABLE = "eu-west-1";
    private static final String MANAGED_THERE = "sg-0aaaaaaaaaaaaaaa1";
    private static final String EARLIER_FINDING = "sg-0bbbbbbbbbbbbbbb2";

    @Inject
    FindingLifecycle findings;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void unreachableRegionIsPartialReportsNothingMissingAndResolvesNothing() {
        // An earlier, complete scan of eu-west-1 left an open finding there.
        findings.apply(
                0,
                new ResolutionScope(Moto.ACCOUNT, UNREACHABLE, Set.of("aws_security_group"), true, Set.of()),
                List.of(new Observation(
                        FindingKind.UNMANAGED,
                        Moto.ACCOUNT,
                        UNREACHABLE,
                        "aws_security_group",
                        EARLIER_FINDING,
                        null,
                        null,
                        null,
                        List.of())));
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(MANAGED_THERE, "web", "vpc-1", UNREACHABLE, Map.of(), List.of()))
                .writeTo("eu/terraform.tfstate");

        List<JsonPath> scans = Scans.request(UNREACHABLE, "us-east-1").stream()
                .map(Scans::awaitFinished)
                .toList();
        JsonPath partial = scans.stream()
                .filter(s -> s.getString("region").equals(UNREACHABLE))
                .findFirst()
                .orElseThrow();
        JsonPath complete = scans.stream()
                .filter(s -> s.getString("region").equals("us-east-1"))
                .findFirst()
                .orElseThrow();

        assertThat(partial.getString("status")).isEqualTo("PARTIAL");
        assertThat(partial.getList("problems.part", String.class))
                .contains("ec2 aws_security_group in " + Moto.ACCOUNT + "/" + UNREACHABLE);
        assertThat(partial.getList("problems.reason", String.class))
                .allSatisfy(r -> assertThat(r).startsWith("endpoint unreachable"));
        assertThat(partial.getInt("findingsResolved")).isZero();
        assertThat(complete.getString("status")).isEqualTo("COMPLETE");

        JsonPath open = given().queryParam("status", "OPEN")
                .queryParam("region", UNREACHABLE)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(open.getList("resourceId")).containsExactly(EARLIER_FINDING);
        assertThat(open.getList("kind")).doesNotContain("MISSING");

        String metrics =
                Management.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("driftwatch_scan_failures_total\\{account=\"" + Moto.ACCOUNT
                        + "\",region=\"eu-west-1\",status=\"PARTIAL\"} [1-9]");
        assertThat(metrics)
                .contains("driftwatch_findings_open{account=\"" + Moto.ACCOUNT
                        + "\",kind=\"UNMANAGED\",region=\"eu-west-1\",type=\"aws_security_group\"} 1.0");
    }
}
