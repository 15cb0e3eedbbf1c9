package dev.driftwatch.remediation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.RemediationProfile;
import dev.driftwatch.testsupport.RemediationsApi;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.TestClock;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/**
 * World-open SSH revoked in moto by the remediators, end to end: a scan's violation, its finding event on Kafka,
 * the decision in PostgreSQL, the re-read, the write with the remediator role, the verifying read, and the next
 * scan resolving the finding; approvals by another approver, rejection, expiry, stale fixes and the opt-out tag.
 */
@QuarkusTest
@TestProfile(RemediationProfile.class)
@WithTestResource(KafkaBroker.class)
class SecurityGroupRemediationIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "sg-ssh-open-to-world";
    private static final UnaryOperator<String> AUTO = text -> text.replace("mode: approve", "mode: auto");

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @Inject
    TestClock clock;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAutoFixRevokesOnlyTheWorldOpenSshRangesAndTheNextScanResolvesTheFinding() {
        String group = groupOpenToTheWorld(Map.of());
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, AUTO)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(POLICY, group);

            JsonPath done = RemediationsApi.awaitStatus(finding, "VERIFIED");

            assertThat(ingress(group))
                    .as("only 0.0.0.0/0 and ::/0 on port 22 are gone")
                    .containsExactlyInAnyOrder("tcp 22-22 10.0.0.0/8", "tcp 443-443 0.0.0.0/0");
            assertThat(done.getString("remediation.mode")).isEqualTo("AUTO");
            assertThat(done.getString("remediation.requestedBy")).isEqualTo("driftwatch");
            assertThat(done.getBoolean("remediation.dryRun")).isFalse();
            assertThat(done.getString("remediation.plannedCall.operation")).isEqualTo("ec2:RevokeSecurityGroupIngress");
            assertThat(done.getString("remediation.plannedCall.parameters.GroupId"))
                    .isEqualTo(group);
            assertThat(done.getList("timeline.step", String.class)).containsExactly("planned", "applied", "verified");

            Scans.scanAndWait(REGION);
            assertThat(given().get("/api/findings/" + finding).jsonPath().getString("status"))
                    .isEqualTo("RESOLVED");
            assertThat(RemediationsApi.of(finding))
                    .as("one decision, one write")
                    .hasSize(1);
        }
    }

    @Test
    void anApprovalFromAnotherApproverAppliesItTheRequesterCannotApproveAndARejectionWritesNothing() {
        String group = groupOpenToTheWorld(Map.of());
        String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(POLICY, group);
            long proposed =
                    RemediationsApi.awaitStatus(finding, "AWAITING_APPROVAL").getLong("remediation.id");

            decide(proposed, "reject", TestIdentity.TOKEN, "change window on Friday")
                    .then()
                    .statusCode(200);
            JsonPath rejected = RemediationsApi.detail(proposed);
            assertThat(rejected.getString("remediation.status")).isEqualTo("REJECTED");
            assertThat(rejected.getString("remediation.reason")).contains(TestIdentity.PRINCIPAL, "change window");
            assertThat(ingress(group)).contains("tcp 22-22 0.0.0.0/0");

            long requested = given().post("/api/findings/" + finding + "/remediate")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            decide(requested, "approve", TestIdentity.TOKEN, "mine").then().statusCode(403);
            assertThat(RemediationsApi.detail(requested).getString("remediation.status"))
                    .isEqualTo("AWAITING_APPROVAL");

            decide(requested, "approve", bob, "ok").then().statusCode(200);
            JsonPath done = RemediationsApi.awaitStatus(finding, "VERIFIED");
            assertThat(done.getString("remediation.requestedBy")).isEqualTo(TestIdentity.PRINCIPAL);
            assertThat(done.getList("timeline.actor", String.class)).contains("token:" + bobName(done));
            assertThat(ingress(group)).doesNotContain("tcp 22-22 0.0.0.0/0");
        }
    }

    @Test
    void aGroupFixedByHandBeforeTheApprovalIsSkippedAsStaleWithoutAWrite() {
        String group = groupOpenToTheWorld(Map.of());
        String bob = ApiTokens.create("bob-" + UUID.randomUUID(), "approver");
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(POLICY, group);
            long proposed =
                    RemediationsApi.awaitStatus(finding, "AWAITING_APPROVAL").getLong("remediation.id");
            ec2.revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(sshFrom("0.0.0.0/0", "::/0")));
            double writes = RemediationsApi.awsCalls("Ec2", "RevokeSecurityGroupIngress");

            decide(proposed, "approve", bob, "go").then().statusCode(200);

            JsonPath skipped = RemediationsApi.awaitStatus(finding, "SKIPPED");
            assertThat(skipped.getString("remediation.reason")).startsWith("stale:");
            assertThat(RemediationsApi.awsCalls("Ec2", "RevokeSecurityGroupIngress"))
                    .as("no write")
                    .isEqualTo(writes);
        }
    }

    @Test
    void anApprovalNotGivenInTimeExpires() {
        String group = groupOpenToTheWorld(Map.of());
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(POLICY, group);
            RemediationsApi.awaitStatus(finding, "AWAITING_APPROVAL");

            clock.advance(Duration.ofHours(73));

            JsonPath expired = RemediationsApi.awaitStatus(finding, "EXPIRED");
            assertThat(expired.getList("timeline.step", String.class)).containsExactly("awaiting-approval", "expired");
            assertThat(ingress(group)).contains("tcp 22-22 0.0.0.0/0");
        }
    }

    @Test
    void aGroupTaggedToOptOutIsLeftAlone() {
        String group = groupOpenToTheWorld(Map.of("driftwatch:remediation", "off"));
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, AUTO)) {
            Scans.scanAndWait(REGION);
            long finding = RemediationsApi.findingOf(POLICY, group);

            JsonPath skipped = RemediationsApi.awaitStatus(finding, "SKIPPED");

            assertThat(skipped.getString("remediation.reason")).startsWith("opt-out:");
            assertThat(ingress(group)).contains("tcp 22-22 0.0.0.0/0", "tcp 22-22 ::/0");
        }
    }

    @Test
    void aPreconditionThatDoesNotHoldOnTheScannedResourceWritesNothingAndSaysWhich() {
        String when = "!has(resource.tags.env) || resource.tags.env != \"prod\"";
        String production = groupOpenToTheWorld(Map.of("env", "prod"));
        String sandbox = groupOpenToTheWorld(Map.of("env", "sandbox"));
        try (PolicyInService policy =
                PolicyInService.load(POLICY, REGION, text -> AUTO.apply(text) + "  precondition: '" + when + "'\n")) {
            Scans.scanAndWait(REGION);

            JsonPath skipped = RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, production), "SKIPPED");
            RemediationsApi.awaitStatus(RemediationsApi.findingOf(POLICY, sandbox), "VERIFIED");

            assertThat(skipped.getString("remediation.reason")).isEqualTo("precondition: '" + when + "' does not hold");
            assertThat(ingress(production)).contains("tcp 22-22 0.0.0.0/0", "tcp 22-22 ::/0");
            assertThat(ingress(sandbox)).doesNotContain("tcp 22-22 0.0.0.0/0", "tcp 22-22 ::/0");
        }
    }

    private String groupOpenToTheWorld(Map<String, String> tags) {
        String group = ec2.createSecurityGroup(r -> r.groupName("open-" + UUID.randomUUID())
                        .description("ssh for everyone")
                        .tagSpecifications(t -> t.resourceType("security-group")
                                .tags(java.util.stream.Stream.concat(
                                                Map.of("team", "platform").entrySet().stream(),
                                                tags.entrySet().stream())
                                        .map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder()
                                                .key(e.getKey())
                                                .value(e.getValue())
                                                .build())
                                        .toList())))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group)
                .ipPermissions(
                        sshFrom("0.0.0.0/0", "::/0", "10.0.0.0/8"),
                        IpPermission.builder()
                                .ipProtocol("tcp")
                                .fromPort(443)
                                .toPort(443)
                                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                                .build()));
        return group;
    }

    private static IpPermission sshFrom(String... cidrs) {
        IpPermission.Builder permission =
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22);
        permission.ipRanges(List.of(cidrs).stream()
                .filter(c -> !c.contains(":"))
                .map(c -> IpRange.builder().cidrIp(c).build())
                .toList());
        permission.ipv6Ranges(List.of(cidrs).stream()
                .filter(c -> c.contains(":"))
                .map(c -> Ipv6Range.builder().cidrIpv6(c).build())
                .toList());
        return permission.build();
    }

    /** The group's ingress as "protocol from-to cidr", one entry per range. */
    private List<String> ingress(String group) {
        return ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0).ipPermissions().stream()
                .flatMap(p -> java.util.stream.Stream.concat(
                                p.ipRanges().stream().map(IpRange::cidrIp),
                                p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6))
                        .map(c -> p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort() + " " + c))
                .toList();
    }

    private static io.restassured.response.Response decide(long id, String decision, String token, String comment) {
        return given().header("Authorization", TestIdentity.bearer(token))
                .contentType(ContentType.JSON)
                .body(Map.of("comment", comment))
                .post("/api/remediations/" + id + "/" + decision);
    }

    private static String bobName(JsonPath done) {
        return done.getList("timeline.actor", String.class).stream()
                .filter(a -> a.startsWith("token:bob-"))
                .map(a -> a.substring("token:".length()))
                .findFirst()
                .orElse("(no approval by bob)");
    }
}
