package dev.driftwatch.scan;

import static dev.driftwatch.testsupport.SecurityGroups.rule;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.KafkaBroker;
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
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * The whole path on real parts: security groups in moto, a Terraform state on disk, a scan through the
 * API, findings in PostgreSQL and their events on Kafka. Drift carries its severity: the default (medium), and high
 * once a group's ingress changed (the test configuration's {@code driftwatch.drift.severities.open-ingress}).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class DriftEndToEndIT {

    private static final String REGION = "us-east-1";
    private static final String ABSENT_GROUP = "sg-0123456789abcdef0";

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private final FindingEventLog events = new FindingEventLog();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @AfterEach
    void close() {
        events.close();
        ec2.close();
    }

    @Test
    void reportsChangedUnmanagedAndMissingThenFollowsTheirLife() {
        // The default VPC: AWS's own, so the only unmanaged thing in the region is the stray group.
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String web = createGroup(vpc, "web", "platform");
        allowFromAnywhere(web, 443);
        String db = createGroup(vpc, "db", "data");
        String stray = createGroup(vpc, "stray", "nobody");
        // The state says web belongs to team "platform-web": someone retagged it by hand.
        TerraformStates.state()
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

        JsonPath scan = Scans.scanAndWait(REGION);

        assertThat(scan.getString("status")).isEqualTo("COMPLETE");
        assertThat(scan.getInt("findingsOpened")).isEqualTo(3);
        JsonPath open = openFindings();
        assertThat(open.getList("kind")).containsExactlyInAnyOrder("CHANGED", "UNMANAGED", "MISSING");
        Map<String, Object> changed = finding(open, "CHANGED");
        assertThat(changed)
                .containsEntry("resourceId", web)
                .containsEntry("severity", "MEDIUM")
                .containsEntry("address", "aws_security_group.web")
                .containsEntry("type", "aws_security_group")
                .containsEntry("account", Moto.ACCOUNT);
        assertThat(changed.get("stateFile").toString()).endsWith("network/terraform.tfstate");
        assertThat(changed.get("diffs"))
                .isEqualTo(List.of(Map.of("path", "tags.Team", "expected", "platform-web", "actual", "platform")));
        assertThat(finding(open, "UNMANAGED"))
                .containsEntry("resourceId", stray)
                .containsEntry("severity", "MEDIUM");
        assertThat(finding(open, "MISSING"))
                .containsEntry("resourceId", ABSENT_GROUP)
                .containsEntry("severity", "MEDIUM")
                .containsEntry("address", "aws_security_group.gone");

        List<String> fingerprints = open.getList("fingerprint", String.class);
        assertThat(events.await(fingerprints, 3))
                .allSatisfy(e -> assertThat(e.subject()).isEqualTo(e.key()))
                .allSatisfy(e -> assertThat(e.specVersion()).isEqualTo("1.0"))
                .extracting(e -> e.type() + " " + e.data().kind() + " " + e.key())
                .containsExactlyInAnyOrder(
                        "finding.opened CHANGED " + finding(open, "CHANGED").get("fingerprint"),
                        "finding.opened UNMANAGED " + finding(open, "UNMANAGED").get("fingerprint"),
                        "finding.opened MISSING " + finding(open, "MISSING").get("fingerprint"));
        assertThat(events.await(fingerprints, 3))
                .extracting(e -> e.data().severity())
                .containsOnly("MEDIUM");

        // Someone opens SSH to the world: the CHANGED finding is updated, not duplicated, and is now high.
        allowFromAnywhere(web, 22);
        JsonPath second = Scans.scanAndWait(REGION);
        assertThat(second.getInt("findingsUpdated")).isEqualTo(1);
        assertThat(second.getInt("findingsOpened")).isZero();
        Map<String, Object> updated = given().get("/api/findings/" + changed.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(updated.get("version")).isEqualTo(2);
        assertThat(updated.get("severity")).isEqualTo("HIGH");
        assertThat(updated.get("diffs").toString()).contains("tcp 22-22 0.0.0.0/0");
        assertThat(events.await(fingerprints, 4))
                .filteredOn(e -> e.type().equals("finding.updated"))
                .extracting(e -> e.key() + " " + e.data().severity())
                .containsExactly(changed.get("fingerprint") + " HIGH");

        // All drift undone: tag fixed, SSH closed, stray group deleted, the absent group dropped from state.
        ec2.createTags(r -> r.resources(web).tags(t -> t.key("Team").value("platform-web")));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(world(22)));
        ec2.deleteSecurityGroup(r -> r.groupId(stray));
        TerraformStates.state()
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
                .writeTo("network/terraform.tfstate");
        JsonPath third = Scans.scanAndWait(REGION);

        assertThat(third.getInt("findingsResolved")).isEqualTo(3);
        assertThat(openFindings().getList("")).isEmpty();
        assertThat(events.await(fingerprints, 7))
                .hasSize(7)
                .filteredOn(e -> e.type().equals("finding.resolved"))
                .extracting(FindingEventLog.Event::key)
                .containsExactlyInAnyOrderElementsOf(fingerprints);
    }

    private String createGroup(String vpc, String name, String team) {
        String id = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value(team)));
        return id;
    }

    private void allowFromAnywhere(String group, int port) {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(world(port)));
    }

    private static IpPermission world(int port) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0"))
                .build();
    }

    private static JsonPath openFindings() {
        return given().queryParam("status", "OPEN")
                .queryParam("region", REGION)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> finding(JsonPath findings, String kind) {
        return findings.getMap("find { it.kind == '" + kind + "' }");
    }
}
