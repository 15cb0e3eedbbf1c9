package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.RemediationProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Drift put back as the Terraform state has it, where a drift rule says so (the profile's: security groups'
 * tags are reverted): exactly the tags the finding names, and the next scan resolves it. Drift no rule covers is
 * only reported. The reverts of other attributes: {@link RevertsIT}.
 */
@QuarkusTest
@TestProfile(RemediationProfile.class)
@WithTestResource(KafkaBroker.class)
class DriftRevertIT {

    private static final String REGION = "us-east-1";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void changedTagsArePutBackAsTheStateHasThemAndTheNextScanResolvesTheFinding() {
        String vpc = defaultVpc();
        String name = "web-" + UUID.randomUUID();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r ->
                r.resources(group).tags(tag("Team", "platform"), tag("Temp", "debugging"), tag("CostCentre", "42")));
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                group,
                                name,
                                vpc,
                                REGION,
                                Map.of("Team", "platform-web", "CostCentre", "42"),
                                List.of()))
                .writeTo("network/terraform.tfstate");

        Scans.scanAndWait(REGION);
        long finding = changedFinding(group);
        JsonPath done = RemediationsApi.awaitStatus(finding, "VERIFIED");

        assertThat(tags(group)).isEqualTo(Map.of("Team", "platform-web", "CostCentre", "42"));
        assertThat(done.getString("remediation.action")).isEqualTo("revert-tags");
        assertThat(done.getString("remediation.plannedCall.operation")).isEqualTo("ec2:CreateTags+ec2:DeleteTags");
        assertThat(done.getMap("remediation.plannedCall.parameters"))
                .containsEntry("Tags", Map.of("Team", "platform-web"))
                .containsEntry("TagKeysToDelete", List.of("Temp"));

        Scans.scanAndWait(REGION);
        assertThat(given().get("/api/findings/" + finding).jsonPath().getString("status"))
                .isEqualTo("RESOLVED");
    }

    @Test
    void driftNoRuleCoversIsOnlyReported() {
        String vpc = defaultVpc();
        String name = "db-" + UUID.randomUUID();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpc))
                .groupId();
        // a description AWS cannot change: no rule covers it
        Map<String, Object> state = SecurityGroups.attributes(group, name, vpc, REGION, Map.of(), List.of());
        state.put("description", "Managed by hand");
        TerraformStates.state().resource("aws_security_group", "db", state).writeTo("network/terraform.tfstate");

        Scans.scanAndWait(REGION);
        long finding = changedFinding(group);
        Scans.scanAndWait(REGION); // a second round: the event was consumed long before it ends

        assertThat(RemediationsApi.of(finding))
                .as("a description change is under no rule")
                .isEmpty();
    }

    private long changedFinding(String group) {
        return given()
                .queryParam("kind", "CHANGED")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("", Map.class)
                .stream()
                .filter(f -> group.equals(f.get("resourceId")))
                .map(f -> ((Number) f.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CHANGED finding about " + group));
    }

    private Map<String, String> tags(String group) {
        return ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private String defaultVpc() {
        return ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
