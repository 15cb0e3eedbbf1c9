package dev.driftwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.PrometheusStack;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * What a user is promised by {@code deploy/prometheus} and {@code deploy/grafana}, on a real Prometheus and
 * Alertmanager scraping the running service: drift made in the cloud becomes a DriftwatchNewDrift alert in the
 * Alertmanager with the finding's kind, type and account, and undoing it resolves the alert; every query of the
 * Grafana dashboard is valid and shows something after a scan.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class PrometheusAlertsIT {

    private static final String REGION = "us-east-1";
    private static PrometheusStack stack;

    private final Ec2Client ec2 = Moto.ec2(REGION);

    @BeforeEach
    void startPrometheusOnce() {
        Database.cleanSlate();
        if (stack == null) {
            stack = PrometheusStack.start(Management.port());
        }
    }

    @AfterEach
    void closeClient() {
        ec2.close();
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void driftMadeByHandIsAnAlertInAlertmanagerUntilItIsUndone() {
        String group = driftedGroup();
        assertThat(Scans.scanAndWait(REGION).getInt("findingsOpened")).isEqualTo(1);

        Map<String, Object> alert = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(PrometheusAlertsIT::newDriftAlert, a -> a != null);
        assertThat(labels(alert))
                .containsEntry("kind", "CHANGED")
                .containsEntry("type", "aws_security_group")
                .containsEntry("account", Moto.ACCOUNT)
                .containsEntry("severity", "warning");
        assertThat(annotations(alert).get("runbook_url")).isEqualTo("docs/runbook.md#driftwatchnewdrift");

        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("platform-web")));
        assertThat(Scans.scanAndWait(REGION).getInt("findingsResolved")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> newDriftAlert() == null);
    }

    @Test
    void everyDashboardQueryIsValidAndShowsSomethingAfterAScan() {
        driftedGroup();
        Scans.scanAndWait(REGION);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !stack.query("driftwatch_findings_open").isEmpty());

        GrafanaDashboard dashboard = GrafanaDashboard.load();
        assertThat(dashboard.queries()).hasSizeGreaterThanOrEqualTo(12);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(dashboard.queries()).allSatisfy(q -> assertThat(stack.query(q.promql()))
                        .as("%s: %s", q.where(), q.promql())
                        .isNotEmpty()));
    }

    /** A group whose Team tag is not what its state says: one CHANGED finding at the next scan. */
    private String driftedGroup() {
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("platform")));
        TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(group, "web", vpc, REGION, Map.of("Team", "platform-web"), List.of()))
                .writeTo("network/terraform.tfstate");
        return group;
    }

    private static Map<String, Object> newDriftAlert() {
        return stack.activeAlerts().stream()
                .filter(a -> "DriftwatchNewDrift".equals(labels(a).get("alertname")))
                .filter(a -> "aws_security_group".equals(labels(a).get("type")))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> alert) {
        return (Map<String, Object>) alert.get("labels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> alert) {
        return (Map<String, Object>) alert.get("annotations");
    }
}
