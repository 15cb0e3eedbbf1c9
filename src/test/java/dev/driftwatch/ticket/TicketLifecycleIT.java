package dev.driftwatch.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.remediation.RemediationEvent;
import dev.driftwatch.remediation.RemediationMode;
import dev.driftwatch.remediation.RemediationStatus;
import dev.driftwatch.remediation.RemediationView;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.EventSchemas;
import dev.driftwatch.testsupport.FindingEventLog;
import dev.driftwatch.testsupport.GitHubStub;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.Sql;
import dev.driftwatch.testsupport.TerraformStates;
import dev.driftwatch.testsupport.TicketProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * A ticket's life through the running service: a violation of a policy in {@code ticket} mode found in moto by a
 * scan, its finding event on Kafka, the ticket queued in PostgreSQL and opened once (GitHub Issues in WireMock, or
 * the built-in sink), one comment per material change and none for a scan that saw nothing new, closed once the
 * fix in moto is seen by a complete scan; GitHub down (for one create, or for a ticket's whole life) or refusing; an
 * issue a person closed, plainly or as not planned. Drift a drift rule in {@code ticket} mode covers gets one too, and
 * a partial scan that could not read its state leaves it open.
 */
@QuarkusTest
@TestProfile(TicketProfile.class)
@WithTestResource(KafkaBroker.class)
@WithTestResource(GitHubStub.class)
class TicketLifecycleIT {

    private static final String REGION = "us-east-1";
    private static final String POLICY = "default-sg-allows-traffic";
    /** The shipped policy asks for approval of its fix; here a person is to hear of it instead. */
    private static final UnaryOperator<String> TICKET_MODE = t -> t.replace("mode: approve", "mode: ticket");

    private static final String ISSUES = "/repos/acme/network/issues";
    private static final String ISSUE =
            "{\"number\": 1347, \"html_url\": \"https://github.com/acme/network/issues/1347\","
                    + " \"state\": \"open\"}";

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();
    private final WireMockServer github = GitHubStub.server();

    @Inject
    TicketIntake intake;

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        github.resetAll();
        github.stubFor(post(ISSUES).willReturn(aResponse().withStatus(201).withBody(ISSUE)));
        github.stubFor(post(ISSUES + "/1347/comments")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\": 1}")));
        github.stubFor(patch(urlEqualTo(ISSUES + "/1347"))
                .willReturn(aResponse().withStatus(200).withBody(ISSUE)));
        // read before each comment: still open (nobody closed it)
        github.stubFor(get(urlEqualTo(ISSUES + "/1347"))
                .willReturn(aResponse().withStatus(200).withBody(ISSUE)));
    }

    @AfterEach
    void noTokenLeft() {
        assertThat(given().get("/api/tickets").asString()).doesNotContain(GitHubStub.TOKEN);
    }

    @Test
    void oneIssueOneCommentPerMaterialChangeClosedWhenACompleteScanResolvesIt() {
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, TICKET_MODE);
                KafkaCompanion kafka = KafkaBroker.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(TicketEvent.TOPIC);
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));

            Map<String, Object> ticket = awaitTicket(fingerprint, "1347");
            assertThat(ticket)
                    .containsEntry("sink", "github")
                    .containsEntry("status", "OPEN")
                    .containsEntry("url", "https://github.com/acme/network/issues/1347")
                    .containsEntry("resourceId", group.groupId());
            github.verify(1, postRequestedFor(urlEqualTo(ISSUES)));
            github.verify(postRequestedFor(urlEqualTo(ISSUES))
                    .withHeader("Authorization", equalTo("Bearer " + GitHubStub.TOKEN))
                    .withRequestBody(equalToJson(
                            "{\"labels\": [\"security\", \"driftwatch\", \"driftwatch-" + fingerprint.substring(0, 12)
                                    + "\"]}",
                            false,
                            true)));

            // a scan that sees nothing new; then one that sees another rule: one comment, for the second only
            policy.assertStillOpen(group.groupId(), message(group, 0, 1));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group.groupId())
                    .ipPermissions(
                            p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
            policy.assertStillOpen(group.groupId(), message(group, 1, 1));
            awaitRequests(postRequestedFor(urlEqualTo(ISSUES + "/1347/comments")), 1);
            github.verify(postRequestedFor(urlEqualTo(ISSUES + "/1347/comments"))
                    .withRequestBody(matchingJsonPath("$.body", containing(message(group, 1, 1)))));

            SecurityGroup now = defaultGroup();
            ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(now.ipPermissions()));
            ec2.revokeSecurityGroupEgress(r -> r.groupId(group.groupId()).ipPermissions(now.ipPermissionsEgress()));
            policy.assertResolved(fingerprint);

            awaitRequests(patchRequestedFor(urlEqualTo(ISSUES + "/1347")), 1);
            github.verify(patchRequestedFor(urlEqualTo(ISSUES + "/1347"))
                    .withRequestBody(equalToJson("{\"state\": \"closed\", \"state_reason\": \"completed\"}")));
            github.verify(2, postRequestedFor(urlEqualTo(ISSUES + "/1347/comments")));
            github.verify(1, postRequestedFor(urlEqualTo(ISSUES)));
            // the route's repository, stored with the create, reached every call; none went to the sink's own
            github.verify(0, anyRequestedFor(urlPathMatching("/repos/acme/infra/.*")));
            Map<String, Object> closed = awaitTicket(fingerprint, "1347");
            assertThat(closed.get("status")).isEqualTo("CLOSED");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> awaitTicket(fingerprint, "1347").get("closedAt") != null);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ticketEvents(events, fingerprint).size() >= 4);
            List<String> published = ticketEvents(events, fingerprint);
            assertThat(published)
                    .extracting(m -> EventSchemas.violations(TicketEvent.TOPIC, m))
                    .allSatisfy(v -> assertThat(v).isEmpty());
            assertThat(published)
                    .extracting(m -> TicketEvent.FORMAT.types().stream()
                            .filter(t -> m.contains("\"type\":\"" + t + "\""))
                            .findFirst()
                            .orElseThrow())
                    .containsExactly("ticket.created", "ticket.commented", "ticket.commented", "ticket.closed");
            // read before the comment (still open) and before the close (a person had not closed it)
            github.verify(2, getRequestedFor(urlEqualTo(ISSUES + "/1347")));
            assertThat(String.join("\n", published)).doesNotContain(GitHubStub.TOKEN);
            events.stop();
        }
    }

    @Test
    void anIssueAPersonClosedIsLeftAloneAndTheNextMaterialChangeOpensALinkedOne() {
        github.stubFor(get(urlEqualTo(ISSUES + "/1347"))
                .willReturn(aResponse().withStatus(200).withBody(ISSUE.replace("\"open\"", "\"closed\""))));
        github.stubFor(post(ISSUES)
                .inScenario("second issue")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withBody(ISSUE))
                .willSetStateTo("one opened"));
        github.stubFor(post(ISSUES)
                .inScenario("second issue")
                .whenScenarioStateIs("one opened")
                .willReturn(aResponse().withStatus(201).withBody(ISSUE.replace("1347", "1348"))));
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, TICKET_MODE)) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));
            Object first = awaitTicket(fingerprint, "1347").get("id");

            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group.groupId())
                    .ipPermissions(
                            p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
            policy.assertStillOpen(group.groupId(), message(group, 1, 1));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tickets(fingerprint).size() == 2
                            && "1348".equals(tickets(fingerprint).get(0).get("externalId")));
            List<Map<String, Object>> tickets = tickets(fingerprint);
            assertThat(tickets.get(0)).containsEntry("status", "OPEN").containsEntry("previousTicketId", first);
            assertThat(tickets.get(1))
                    .containsEntry("status", "CLOSED_BY_PERSON")
                    .containsEntry("externalId", "1347");
            github.verify(0, postRequestedFor(urlEqualTo(ISSUES + "/1347/comments")));
            github.verify(postRequestedFor(urlEqualTo(ISSUES))
                    .withRequestBody(matchingJsonPath(
                            "$.body", containing("Follows https://github.com/acme/network/issues/1347"))));
        }
    }

    @Test
    void anIssueClosedAsNotPlannedIsLeftAloneThroughARemediationOutcomeUntilTheFindingChanges() {
        github.stubFor(get(urlEqualTo(ISSUES + "/1347"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(ISSUE.replace("\"open\"", "\"closed\", \"state_reason\": \"not_planned\""))));
        github.stubFor(post(ISSUES)
                .inScenario("after won't do")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withBody(ISSUE))
                .willSetStateTo("one opened"));
        github.stubFor(post(ISSUES)
                .inScenario("after won't do")
                .whenScenarioStateIs("one opened")
                .willReturn(aResponse().withStatus(201).withBody(ISSUE.replace("1347", "1348"))));
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, TICKET_MODE);
                FindingEventLog findings = new FindingEventLog();
                KafkaCompanion kafka = KafkaBroker.companion()) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));
            awaitTicket(fingerprint, "1347");

            // a remediation failed: news, but not a change of the finding the person decided on
            FindingView finding = findings.await(List.of(fingerprint), 1).get(0).data();
            String failed = EventCodec.standalone()
                    .write(
                            new RemediationEvent(RemediationEvent.Step.FAILED, failedRemediation(finding, 98)),
                            UUID.randomUUID(),
                            Instant.now());
            kafka.produceStrings()
                    .fromRecords(new ProducerRecord<>(RemediationEvent.TOPIC, fingerprint, failed))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "WONT_DO".equals(tickets(fingerprint).get(0).get("status")));
            // ... nor does the next remediation outcome, now that the ticket is known to be won't do
            String failedAgain = EventCodec.standalone()
                    .write(
                            new RemediationEvent(RemediationEvent.Step.FAILED, failedRemediation(finding, 97)),
                            UUID.randomUUID(),
                            Instant.now());
            kafka.produceStrings()
                    .fromRecords(new ProducerRecord<>(RemediationEvent.TOPIC, fingerprint, failedAgain))
                    .awaitCompletion();
            await().during(Duration.ofSeconds(6))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> tickets(fingerprint).size() == 1);
            github.verify(0, postRequestedFor(urlEqualTo(ISSUES + "/1347/comments")));
            github.verify(1, postRequestedFor(urlEqualTo(ISSUES)));

            // the finding itself changes: a new issue that links the one closed as won't do
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group.groupId())
                    .ipPermissions(
                            p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
            policy.assertStillOpen(group.groupId(), message(group, 1, 1));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tickets(fingerprint).size() == 2
                            && "1348".equals(tickets(fingerprint).get(0).get("externalId")));
            assertThat(tickets(fingerprint).get(1))
                    .containsEntry("status", "WONT_DO")
                    .containsEntry("externalId", "1347");
            github.verify(0, postRequestedFor(urlEqualTo(ISSUES + "/1347/comments")));
            github.verify(0, patchRequestedFor(urlEqualTo(ISSUES + "/1347")));
            github.verify(postRequestedFor(urlEqualTo(ISSUES))
                    .withRequestBody(matchingJsonPath(
                            "$.body",
                            containing("Follows https://github.com/acme/network/issues/1347, closed as won't do")))
                    .withRequestBody(matchingJsonPath("$.body", containing(message(group, 1, 1)))));
        }
    }

    @Test
    void findingsNoRouteMatchesGetABuiltInTicketOnceEvenWhenTheirEventIsRedelivered() {
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(
                        POLICY, REGION, t -> TICKET_MODE.apply(t).replace("severity: medium", "severity: low"));
                FindingEventLog findings = new FindingEventLog()) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));
            Map<String, Object> ticket = awaitTicket(fingerprint, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> ("DW-" + ticket.get("id"))
                    .equals(awaitTicket(fingerprint, null).get("externalId")));
            assertThat(ticket).containsEntry("sink", "builtin").containsEntry("status", "OPEN");

            FindingEventLog.Event opened =
                    findings.await(List.of(fingerprint), 1).get(0);
            intake.receive(new FindingEvent(FindingEvent.Change.OPENED, opened.data()));
            intake.receive(new FindingEvent(FindingEvent.Change.OPENED, opened.data()));

            assertThat(tickets(fingerprint)).hasSize(1);
            assertThat(actions(fingerprint)).containsExactly(List.of("CREATE", "DONE"));
            github.verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void gitHubDownIsWaitedForAndTheIssueOpenedOnce() {
        github.resetAll();
        github.stubFor(post(ISSUES)
                .inScenario("down")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1"))
                .willSetStateTo("still down"));
        github.stubFor(post(ISSUES)
                .inScenario("down")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("up"));
        github.stubFor(post(ISSUES)
                .inScenario("down")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withBody(ISSUE)));
        // before trying a create again, the sink looks for the issue by its label: none was created
        github.stubFor(get(urlPathEqualTo(ISSUES))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        double retriedBefore = retriedCreates(); // other tests of the shared service retry creates too
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, TICKET_MODE)) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));

            awaitTicket(fingerprint, "1347");
            github.verify(3, postRequestedFor(urlEqualTo(ISSUES)));
            github.verify(
                    2,
                    getRequestedFor(urlPathEqualTo(ISSUES))
                            .withQueryParam("labels", equalTo("driftwatch-" + fingerprint.substring(0, 12))));
            assertThat(actions(fingerprint)).containsExactly(List.of("CREATE", "DONE"));
            assertThat(retriedCreates() - retriedBefore)
                    .as("driftwatch_ticket_actions_total{action=create,outcome=retried,sink=github}")
                    .isEqualTo(2.0);
        }
    }

    @Test
    void gitHubDownForAWhileEveryActionWaitsAndCompletesOnceNoneLostNoneDoubled() {
        // everything asked of GitHub answers 503 until it is back
        StubMapping down = github.stubFor(any(anyUrl())
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        // once back, the retried create looks for its issue first: none was created
        github.stubFor(get(urlPathEqualTo(ISSUES))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, TICKET_MODE)) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));
            // while GitHub is down the finding changes, then is fixed
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group.groupId())
                    .ipPermissions(
                            p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
            policy.assertStillOpen(group.groupId(), message(group, 1, 1));
            SecurityGroup now = defaultGroup();
            ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(now.ipPermissions()));
            ec2.revokeSecurityGroupEgress(r -> r.groupId(group.groupId()).ipPermissions(now.ipPermissionsEgress()));
            policy.assertResolved(fingerprint);
            // the create is tried again and again (each retry first looks for the issue, refused too)
            awaitRequests(anyRequestedFor(urlPathEqualTo(ISSUES)), 3);
            assertThat(actions(fingerprint))
                    .as("every action waits, in order, behind the create")
                    .containsExactly(
                            List.of("CREATE", "PENDING"),
                            List.of("COMMENT", "PENDING"),
                            List.of("COMMENT", "PENDING"),
                            List.of("CLOSE", "PENDING"));

            github.removeStub(down);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> actions(fingerprint).stream().allMatch(a -> "DONE".equals(a.get(1))));
            assertThat(actions(fingerprint)).hasSize(4);
            assertThat(served("POST", ISSUES, 201)).as("one issue").isEqualTo(1);
            assertThat(served("POST", ISSUES + "/1347/comments", 201))
                    .as("the change and the resolution")
                    .isEqualTo(2);
            assertThat(served("PATCH", ISSUES + "/1347", 200)).as("closed once").isEqualTo(1);
            assertThat(awaitTicket(fingerprint, "1347")).containsEntry("status", "CLOSED");
        }
    }

    @Test
    void gitHubRefusingTheCredentialsFailsTheActionWithItsMessageAndCountsIt() {
        github.resetAll();
        github.stubFor(
                post(ISSUES)
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"message\": \"Bad credentials\", \"documentation_url\": \"https://docs.github.com/rest\"}")));
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, TICKET_MODE)) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> actions(fingerprint).equals(List.of(List.of("CREATE", "FAILED"))));
            assertThat(Sql.rows(
                            Sql.testDatabase(),
                            "select last_error from ticket_action where fingerprint = ?",
                            fingerprint))
                    .containsExactly(List.of("GitHub (sink github, acme/network) answered 401: Bad credentials"));
            github.verify(1, postRequestedFor(urlEqualTo(ISSUES)));
            assertThat(Management.metrics()).containsPattern("driftwatch_ticket_errors_total\\{sink=\"github\"} [1-9]");
        }
    }

    @Test
    void aFailedRemediationOfAnOpenFindingIsATicketOnceEvenWhenItsEventComesTwice() {
        SecurityGroup group = defaultGroup();
        try (PolicyInService policy = PolicyInService.load(POLICY, REGION, t -> TICKET_MODE
                        .apply(t)
                        .replace("severity: medium", "severity: low")
                        .replace("mode: ticket", "mode: report"));
                FindingEventLog findings = new FindingEventLog();
                KafkaCompanion kafka = KafkaBroker.companion()) {
            String fingerprint = policy.assertOnlyViolation(group.groupId(), message(group, 0, 1));
            FindingView finding = findings.await(List.of(fingerprint), 1).get(0).data();
            RemediationView failed = failedRemediation(finding, 99);
            Instant now = Instant.now();
            String event = EventCodec.standalone()
                    .write(new RemediationEvent(RemediationEvent.Step.FAILED, failed), UUID.randomUUID(), now);
            kafka.produceStrings()
                    .fromRecords(
                            new ProducerRecord<>(RemediationEvent.TOPIC, fingerprint, event),
                            new ProducerRecord<>(RemediationEvent.TOPIC, fingerprint, event))
                    .awaitCompletion();

            Map<String, Object> ticket = awaitTicket(fingerprint, "DW-" + firstTicketId(fingerprint));
            assertThat(ticket)
                    .containsEntry("sink", "builtin")
                    .containsEntry("title", "[driftwatch] remediation revoke-default-rules failed: " + group.groupId());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> actions(fingerprint)
                    .equals(List.of(List.of("CREATE", "DONE"))));
        }
    }

    @Test
    void driftATicketRuleCoversGetsOneTicketThatAPartialScanLeavesOpenAndACompleteScanCloses() {
        SecurityGroup vpcDefault = defaultGroup();
        String name = "web-" + UUID.randomUUID();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName(name).description("Managed by Terraform").vpcId(vpcDefault.vpcId()))
                .groupId();
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("platform")));
        String state = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                group, name, vpcDefault.vpcId(), REGION, Map.of("Team", "platform-web"), List.of()))
                .json();
        String file =
                TerraformStates.writeRaw("tickets/terraform.tfstate", state).toString();

        Scans.scanAndWait(REGION);
        String fingerprint = openChangedFinding(group);
        Map<String, Object> ticket = awaitTicket(fingerprint, null);
        assertThat(ticket)
                .as("drift of the group's tags is low: the medium route does not take it, the built-in sink does")
                .containsEntry("sink", "builtin")
                .containsEntry("severity", "LOW")
                .containsEntry("status", "OPEN")
                .containsEntry("resourceId", group);

        // fixed in the cloud, but its state cannot be read: the scan is partial and resolves nothing of that state
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("platform-web")));
        // (cut before its serial and lineage: a state whose header is unchanged is not parsed again)
        TerraformStates.writeRaw("tickets/terraform.tfstate", state.substring(0, state.indexOf("\"serial\"")));
        JsonPath partial = Scans.scanAndWait(REGION);
        assertThat(partial.getString("status")).isEqualTo("PARTIAL");
        assertThat(partial.getList("problems.part", String.class)).contains(file);
        assertThat(openChangedFinding(group)).isEqualTo(fingerprint);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> "OPEN"
                .equals(awaitTicket(fingerprint, null).get("status")));
        assertThat(actions(fingerprint)).containsExactly(List.of("CREATE", "DONE"));

        // the state read again: the complete scan resolves the finding, and that closes the ticket
        TerraformStates.writeRaw("tickets/terraform.tfstate", state);
        assertThat(Scans.scanAndWait(REGION).getString("status")).isEqualTo("COMPLETE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CLOSED".equals(awaitTicket(fingerprint, null).get("status")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> actions(fingerprint).stream().allMatch(a -> "DONE".equals(a.get(1))));
        assertThat(actions(fingerprint))
                .containsExactly(List.of("CREATE", "DONE"), List.of("COMMENT", "DONE"), List.of("CLOSE", "DONE"));
        github.verify(0, anyRequestedFor(anyUrl()));
    }

    /** The fingerprint of the one open CHANGED finding about the group. */
    private static String openChangedFinding(String group) {
        List<Map<String, Object>> open = given().queryParam("kind", "CHANGED")
                .queryParam("status", "OPEN")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        List<String> about = open.stream()
                .filter(f -> group.equals(f.get("resourceId")))
                .map(f -> (String) f.get("fingerprint"))
                .toList();
        assertThat(about).as("open CHANGED findings about " + group).hasSize(1);
        return about.get(0);
    }

    private static RemediationView failedRemediation(FindingView finding, long id) {
        Instant now = Instant.now();
        return new RemediationView(
                id,
                finding.fingerprint(),
                finding.id(),
                finding.version(),
                finding.account(),
                finding.region(),
                finding.type(),
                finding.resourceId(),
                POLICY,
                "revoke-default-rules",
                RemediationMode.APPROVE,
                RemediationStatus.FAILED,
                "verify: 1 egress rule still there",
                "driftwatch",
                1,
                false,
                null,
                now,
                now,
                null);
    }

    private static double retriedCreates() {
        Matcher m = Pattern.compile(
                        "driftwatch_ticket_actions_total\\{action=\"create\",outcome=\"retried\",sink=\"github\"} (\\S+)")
                .matcher(Management.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Requests GitHub answered with {@code status}: what it really did, the refused attempts left out. */
    private long served(String method, String url, int status) {
        return github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method)
                        && e.getRequest().getUrl().equals(url)
                        && e.getResponse().getStatus() == status)
                .count();
    }

    private static Object firstTicketId(String fingerprint) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !tickets(fingerprint).isEmpty());
        return tickets(fingerprint).get(0).get("id");
    }

    private SecurityGroup defaultGroup() {
        return ec2.describeSecurityGroups(
                        r -> r.filters(f -> f.name("group-name").values("default")))
                .securityGroups()
                .get(0);
    }

    private static String message(SecurityGroup group, int ingress, int egress) {
        return "default security group " + group.groupId() + " of " + group.vpcId() + " has " + ingress
                + " ingress and " + egress + " egress rules";
    }

    private void awaitRequests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> github.findAll(pattern).size() >= count);
    }

    /** The finding's one ticket once it has this external id (any, when null). */
    private static Map<String, Object> awaitTicket(String fingerprint, String externalId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tickets(fingerprint).stream()
                .anyMatch(t -> externalId == null || externalId.equals(t.get("externalId"))));
        List<Map<String, Object>> tickets = tickets(fingerprint);
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }

    private static List<Map<String, Object>> tickets(String fingerprint) {
        return given().queryParam("fingerprint", fingerprint)
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }

    private static List<List<Object>> actions(String fingerprint) {
        return Sql.rows(
                Sql.testDatabase(),
                "select action, status from ticket_action where fingerprint = ? order by id",
                fingerprint);
    }

    private static List<String> ticketEvents(ConsumerTask<String, String> events, String fingerprint) {
        return events.getRecords().stream()
                .filter(r -> fingerprint.equals(r.key()))
                .map(r -> r.value())
                .toList();
    }
}
