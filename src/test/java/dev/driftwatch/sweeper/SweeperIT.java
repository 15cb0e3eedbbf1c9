package dev.driftwatch.sweeper;

import static dev.driftwatch.testsupport.SweeperProfile.CAPPED_SANDBOX;
import static dev.driftwatch.testsupport.SweeperProfile.ESTATE_SANDBOX;
import static dev.driftwatch.testsupport.SweeperProfile.MAX_DELETIONS;
import static dev.driftwatch.testsupport.SweeperProfile.NOT_LISTED;
import static dev.driftwatch.testsupport.SweeperProfile.NO_ALIAS;
import static dev.driftwatch.testsupport.SweeperProfile.PROD;
import static dev.driftwatch.testsupport.SweeperProfile.REGION;
import static dev.driftwatch.testsupport.SweeperProfile.SANDBOX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.ApiTokens;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.Ec2GroupsInUse;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.SandboxEstate;
import dev.driftwatch.testsupport.SweeperProfile;
import dev.driftwatch.testsupport.Sweeps;
import dev.driftwatch.testsupport.TerraformStates;
import dev.driftwatch.testsupport.TestClock;
import dev.driftwatch.testsupport.TestIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sweeper through the running service, in sandbox accounts reached through AssumeRole in moto: what it deletes
 * (read back with the SDK), what it keeps and why, and the accounts it refuses before any write.
 */
@QuarkusTest
@TestProfile(SweeperProfile.class)
@WithTestResource(KafkaBroker.class)
class SweeperIT {

    private static final Duration STALE = Duration.ofHours(49);
    /** Calls that change something: none may reach an account the sweeper refuses. */
    private static final List<String> WRITES = List.of(
            "Delete",
            "Deregister",
            "Terminate",
            "Release",
            "Detach",
            "Revoke",
            "Remove",
            "Schedule",
            "Disassociate",
            "Modify",
            "Put",
            "Update",
            "Create",
            "Attach",
            "Authorize");

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    /**
     * moto is emptied once for the class, not before each test: it forgets the roles the service assumed (their
     * cached credentials would then act in moto's default account). Each test works in a VPC of its own.
     */
    @BeforeAll
    static void emptyMoto() {
        Moto.reset();
    }

    @BeforeEach
    void cleanSlate() {
        Database.clear(em);
        TerraformStates.clear();
        clock.reset();
    }

    @AfterEach
    void timeBack() {
        clock.reset();
    }

    @Test
    void deletesWhatIsOldAndUnprotectedAndKeepsEveryOtherResourceWithItsReason() {
        alias(SANDBOX, "team-a-sandbox");
        try (Ec2Client ec2 = Moto.ec2(REGION, SANDBOX)) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
            // it holds the groups kept below: AWS would refuse its delete (moto would not)
            ec2.createTags(
                    r -> r.resources(vpc).tags(t -> t.key("driftwatch:sweep").value("keep")));
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24"))
                    .subnet()
                    .subnetId();
            String web = group(ec2, vpc, "web", Map.of());
            String db = group(ec2, vpc, "db", Map.of());
            SandboxEstate.reference(ec2, web, db);
            SandboxEstate.reference(ec2, db, web);
            String instance = ec2.runInstances(r -> r.imageId("ami-12c6146b")
                            .minCount(1)
                            .maxCount(1)
                            .subnetId(subnet)
                            .securityGroupIds(web))
                    .instances()
                    .get(0)
                    .instanceId();
            String tagged = group(ec2, vpc, "tagged", Map.of("driftwatch:sweep", "keep"));
            String named = group(ec2, vpc, "keep-bastion", Map.of());
            String managed = group(ec2, vpc, "managed", Map.of());
            TerraformStates.state()
                    .resource(
                            "aws_security_group",
                            "managed",
                            Map.of(
                                    "id",
                                    managed,
                                    "arn",
                                    "arn:aws:ec2:" + REGION + ":" + SANDBOX + ":security-group/" + managed,
                                    "name",
                                    "managed",
                                    "vpc_id",
                                    vpc))
                    .writeTo("sandbox.tfstate");

            JsonPath first = Sweeps.awaitAtRest(Sweeps.request(SANDBOX, true));
            assertThat(first.getString("sweep.status")).isEqualTo("PLANNED");
            assertThat(Sweeps.item(first, "aws_instance", instance).get("decision"))
                    .isEqualTo("TOO_YOUNG");
            assertThat(Sweeps.item(first, "aws_security_group", web).get("decision"))
                    .as("first seen by this sweep: its age starts now")
                    .isEqualTo("TOO_YOUNG");

            clock.advance(STALE);
            String young = group(ec2, vpc, "young", Map.of());

            JsonPath dryRun = Sweeps.awaitAtRest(Sweeps.request(SANDBOX, true));
            assertThat(dryRun.getString("sweep.status")).isEqualTo("PLANNED");
            assertThat(Sweeps.item(dryRun, "aws_instance", instance)).containsEntry("decision", "DELETE");
            assertThat(Sweeps.item(dryRun, "aws_security_group", web)).containsEntry("decision", "DELETE");
            assertThat(groups(ec2)).contains(web, db);
            assertThat(running(ec2, instance)).as("a dry run deletes nothing").isTrue();

            JsonPath report = Sweeps.awaitAtRest(Sweeps.request(SANDBOX, false));

            assertThat(report.getString("sweep.status")).isEqualTo("COMPLETED");
            assertThat(running(ec2, instance)).isFalse();
            Set<String> left = groups(ec2);
            assertThat(left).doesNotContain(web, db).contains(tagged, named, managed, young);
            assertThat(Sweeps.item(report, "aws_instance", instance)).containsEntry("outcome", "DELETED");
            assertThat(Sweeps.item(report, "aws_security_group", web)).containsEntry("outcome", "DELETED");
            assertThat(Sweeps.item(report, "aws_security_group", tagged))
                    .containsEntry("decision", "PROTECTED_TAG")
                    .containsEntry("outcome", null);
            assertThat(Sweeps.item(report, "aws_security_group", named)).containsEntry("decision", "PROTECTED_NAME");
            assertThat(Sweeps.item(report, "aws_security_group", managed))
                    .containsEntry("decision", "MANAGED_BY_STATE");
            assertThat(Sweeps.item(report, "aws_security_group", young)).containsEntry("decision", "TOO_YOUNG");
            String defaultGroup = defaultGroup(ec2, vpc);
            assertThat(Sweeps.item(report, "aws_security_group", defaultGroup))
                    .containsEntry("decision", "AWS_MANAGED");
            assertThat(left).contains(defaultGroup);
        }
        assertThat(sweepEvents())
                .containsSubsequence("sweep.planned", "sweep.planned", "sweep.planned", "sweep.completed");
        assertThat(Management.metrics())
                .contains("driftwatch_sweep_resources_total{outcome=\"deleted\",type=\"aws_instance\"} 1.0")
                .containsPattern(
                        "driftwatch_sweep_last_success_timestamp_seconds\\{account=\"" + SANDBOX + "\"} [1-9]");
    }

    @Test
    void sweepsAWholeSandboxInDependencyOrderTryingAgainWhatIsStillInUse() {
        alias(ESTATE_SANDBOX, "estate-sandbox");
        SandboxEstate estate = SandboxEstate.build(ESTATE_SANDBOX, "10.50");
        Sweeps.awaitAtRest(Sweeps.request(ESTATE_SANDBOX, true)); // first sight
        clock.advance(STALE);
        // AWS refuses the group while the terminating instance's interface still holds it; moto would not
        Ec2GroupsInUse.heldOnce(estate.id("web"));

        JsonPath report = Sweeps.awaitAtRest(Sweeps.request(ESTATE_SANDBOX, false));

        assertThat(report.getString("sweep.status")).isEqualTo("COMPLETED");
        estate.made().forEach((name, made) -> assertThat(Sweeps.item(report, made.type(), made.id()))
                .as(name)
                .containsEntry("decision", "DELETE")
                .containsEntry("outcome", "DELETED"));
        assertThat(Sweeps.item(report, "aws_security_group", estate.id("web")))
                .as("deleted in a later pass")
                .containsEntry("attempts", 2);
        try (Ec2Client ec2 = Moto.ec2(REGION, ESTATE_SANDBOX)) {
            assertThat(ec2.describeVpcs().vpcs()).noneMatch(v -> v.vpcId().equals(estate.id("vpc")));
            assertThat(running(ec2, estate.id("instance-app"))).isFalse();
            assertThat(ec2.describeVolumes().volumes())
                    .noneMatch(v -> v.volumeId().equals(estate.id("volume")));
            assertThat(ec2.describeAddresses().addresses()).isEmpty();
        }
        try (IamClient iam = Moto.iam(ESTATE_SANDBOX)) {
            assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().equals("tried-role"));
            assertThat(iam.listUsers().users()).noneMatch(u -> u.userName().equals("tried-user"));
            assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
        }
        try (S3Client s3 = Moto.in(ESTATE_SANDBOX, S3Client.builder().forcePathStyle(true))) {
            assertThat(s3.listBuckets().buckets()).isEmpty();
        }
        try (KmsClient kms = Moto.in(ESTATE_SANDBOX, KmsClient.builder())) {
            assertThat(kms.describeKey(r -> r.keyId(estate.id("key")))
                            .keyMetadata()
                            .keyState())
                    .isEqualTo(KeyState.PENDING_DELETION);
        }
    }

    @Test
    void refusesEveryAccountThatIsNotAListedSandboxBeforeAnyWrite() {
        alias(PROD, "payments-prod");
        alias(Moto.ACCOUNT, "looks-like-a-sandbox");
        List<String> instances = new ArrayList<>();
        for (String account : List.of(PROD, NO_ALIAS, Moto.ACCOUNT, NOT_LISTED)) {
            try (Ec2Client ec2 = Moto.ec2(REGION, account)) {
                instances.add(ec2.runInstances(
                                r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1))
                        .instances()
                        .get(0)
                        .instanceId());
            }
        }
        clock.advance(STALE);
        double writesBefore = writes();

        Map<String, String> refusals = Map.of(
                PROD,
                "contains the blocked term prod",
                NO_ALIAS,
                "has no account alias",
                Moto.ACCOUNT,
                "is the account driftwatch runs in",
                NOT_LISTED,
                "is not listed in driftwatch.sweeper.accounts");
        refusals.forEach((account, reason) -> {
            JsonPath sweep = Sweeps.awaitAtRest(Sweeps.request(account, false));
            assertThat(sweep.getString("sweep.status")).as(account).isEqualTo("REFUSED");
            assertThat(sweep.getString("sweep.reason")).as(account).contains(reason);
            assertThat(sweep.getList("items")).as(account).isEmpty();
        });

        assertThat(writes()).as("write calls sent while refusing").isEqualTo(writesBefore);
        List<String> accounts = List.of(PROD, NO_ALIAS, Moto.ACCOUNT, NOT_LISTED);
        for (int i = 0; i < accounts.size(); i++) {
            try (Ec2Client ec2 = Moto.ec2(REGION, accounts.get(i))) {
                assertThat(running(ec2, instances.get(i))).as(accounts.get(i)).isTrue();
            }
        }
        assertThat(Management.metrics())
                .containsPattern("driftwatch_sweep_refusals_total\\{reason=\"blocked-alias\"} [1-9]")
                .containsPattern("driftwatch_sweep_refusals_total\\{reason=\"not-listed\"} [1-9]")
                .containsPattern("driftwatch_sweep_refusals_total\\{reason=\"management-account\"} [1-9]");
        assertThat(sweepEvents()).containsOnly("sweep.refused");
    }

    @Test
    void aPlanOverTheCapDeletesNothingUntilAnotherPersonApprovesItAndSparesWhatWasTaggedKeepMeanwhile() {
        alias(CAPPED_SANDBOX, "capped-sandbox");
        try (Ec2Client ec2 = Moto.ec2(REGION, CAPPED_SANDBOX)) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
            List<String> stale = new ArrayList<>();
            for (int i = 0; i < MAX_DELETIONS + 5; i++) {
                stale.add(group(ec2, vpc, "stale-" + i, Map.of()));
            }
            Sweeps.awaitAtRest(Sweeps.request(CAPPED_SANDBOX, true)); // first sight
            clock.advance(STALE);

            long id = Sweeps.request(CAPPED_SANDBOX, false);
            JsonPath capped = Sweeps.awaitAtRest(id);
            assertThat(capped.getString("sweep.status")).isEqualTo("CAPPED");
            assertThat(capped.getString("sweep.reason"))
                    .contains("more than driftwatch.sweeper.max-deletions=" + MAX_DELETIONS);
            assertThat(groups(ec2)).containsAll(stale);

            String spared = stale.get(0);
            ec2.createTags(
                    r -> r.resources(spared).tags(t -> t.key("driftwatch:sweep").value("keep")));
            String kept = stale.get(1);
            given().contentType(ContentType.JSON)
                    .body(Map.of("type", "aws_security_group", "id", kept))
                    .post("/api/sweeps/" + id + "/keep")
                    .then()
                    .statusCode(200)
                    .body("decision", org.hamcrest.Matchers.equalTo("KEPT_ON_REQUEST"));
            given().post("/api/sweeps/" + id + "/approve")
                    .then()
                    .statusCode(403)
                    .body("error", org.hamcrest.Matchers.containsString("cannot approve it too"));
            String carol = ApiTokens.create(
                    "carol-" + System.nanoTime(), "approver", clock.instant().plus(Duration.ofHours(1)));
            given().header("Authorization", TestIdentity.bearer(carol))
                    .post("/api/sweeps/" + id + "/approve")
                    .then()
                    .statusCode(200)
                    .body("approvedBy", org.hamcrest.Matchers.startsWith("token:carol-"));

            JsonPath report = Sweeps.awaitAtRest(id);
            assertThat(report.getString("sweep.status")).isEqualTo("COMPLETED");
            assertThat(groups(ec2)).contains(spared, kept).doesNotContainAnyElementsOf(stale.subList(2, stale.size()));
            assertThat(Sweeps.item(report, "aws_security_group", spared))
                    .containsEntry("outcome", "KEPT")
                    .satisfies(i -> assertThat((String) i.get("lastError")).contains("PROTECTED_TAG"));
            for (String deleted : stale.subList(2, stale.size())) {
                assertThat(Sweeps.item(report, "aws_security_group", deleted)).containsEntry("outcome", "DELETED");
            }
            JsonPath later = Sweeps.awaitAtRest(Sweeps.request(CAPPED_SANDBOX, true));
            assertThat(Sweeps.item(later, "aws_security_group", kept))
                    .as("kept through the API: out of every later sweep too")
                    .containsEntry("decision", "KEPT_ON_REQUEST");
        }
    }

    private static void alias(String account, String alias) {
        try (IamClient iam = Moto.iam(account)) {
            if (!iam.listAccountAliases().accountAliases().contains(alias)) {
                iam.createAccountAlias(r -> r.accountAlias(alias));
            }
        }
    }

    private static String group(Ec2Client ec2, String vpc, String name, Map<String, String> tags) {
        String id = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name))
                .groupId();
        tags.forEach(
                (k, v) -> ec2.createTags(r -> r.resources(id).tags(t -> t.key(k).value(v))));
        return id;
    }

    private static Set<String> groups(Ec2Client ec2) {
        return Set.copyOf(ec2.describeSecurityGroups().securityGroups().stream()
                .map(SecurityGroup::groupId)
                .toList());
    }

    private static String defaultGroup(Ec2Client ec2, String vpc) {
        return ec2.describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("vpc-id").values(vpc).build(),
                        Filter.builder().name("group-name").values("default").build()))
                .securityGroups()
                .get(0)
                .groupId();
    }

    private static boolean running(Ec2Client ec2, String instance) {
        return ec2.describeInstances(r -> r.instanceIds(instance))
                        .reservations()
                        .get(0)
                        .instances()
                        .get(0)
                        .state()
                        .name()
                != InstanceStateName.TERMINATED;
    }

    private static double writes() {
        return Management.metrics()
                .lines()
                .filter(l -> l.startsWith("driftwatch_aws_requests_total{")
                        && WRITES.stream().anyMatch(w -> l.contains("operation=\"" + w)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @SuppressWarnings("unchecked")
    private List<String> sweepEvents() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select event_type from outbox_event where topic = 'driftwatch.sweeps' order by id")
                .getResultList());
    }
}
