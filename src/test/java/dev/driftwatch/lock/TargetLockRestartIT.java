package dev.driftwatch.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.FenceDatabase;
import dev.driftwatch.testsupport.FencedService;
import dev.driftwatch.testsupport.HeldEc2;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.SecondInstance;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.Sql;
import dev.driftwatch.testsupport.StandaloneKafka;
import dev.driftwatch.testsupport.TerraformStates;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * PostgreSQL restarts in the middle of a scan (on a cluster of the test's own, see FenceDatabase): every
 * session lock and pooled connection is gone. The scan finishes or fails (never stays RUNNING), no second
 * scan of the target starts meanwhile, and the next one runs as usual: nothing lost, nothing doubled. (A
 * second scan that does start meanwhile, after a replica was cut off, is stopped by the fence: ScanFenceIT.)
 */
class TargetLockRestartIT {

    private static final String REGION = "us-east-1";

    private final HeldEc2 ec2Front = new HeldEc2();
    private StandaloneKafka kafka;
    private Map<String, String> config;

    @BeforeEach
    void start() throws Exception {
        kafka = new StandaloneKafka();
        config = FencedService.onACleanSlate(kafka, ec2Front);
    }

    @AfterEach
    void stop() {
        HeldEc2.release();
        ec2Front.stop();
        kafka.close();
    }

    @Test
    void aScanAcrossARestartFinishesOnceAndTheNextOneRuns() throws Exception {
        try (Ec2Client ec2 = Moto.ec2(REGION);
                SecondInstance service = SecondInstance.start(config, Path.of("target/target-lock-restart.log"))) {
            String vpc = ec2.describeVpcs(
                            r -> r.filters(f -> f.name("is-default").values("true")))
                    .vpcs()
                    .get(0)
                    .vpcId();
            String web = ec2.createSecurityGroup(r -> r.groupName("web")
                            .description("Managed by Terraform")
                            .vpcId(vpc))
                    .groupId();
            TerraformStates.state()
                    .resource(
                            "aws_security_group",
                            "web",
                            SecurityGroups.attributes(web, "web", vpc, REGION, Map.of(), List.of()))
                    .writeTo("network/terraform.tfstate");
            String stray = ec2.createSecurityGroup(
                            r -> r.groupName("stray").description("by hand").vpcId(vpc))
                    .groupId();
            assertThat(FencedService.awaitFinished(service, FencedService.requestScan(service))
                            .getString("status"))
                    .isEqualTo("COMPLETE");
            String fingerprint =
                    (String) Sql.rows(FenceDatabase.URL, "select fingerprint from finding where resource_id = ?", stray)
                            .get(0)
                            .get(0);

            HeldEc2.holdNext();
            long first = FencedService.requestScan(service);
            HeldEc2.awaitHolding(); // the first scan has read the stray group
            FenceDatabase.restart(); // the scan's lock connection and every pooled connection are gone
            ec2.deleteSecurityGroup(r -> r.groupId(stray));
            assertThat(FencedService.requestScan(service))
                    .as("the target's scan goes on: no second one starts")
                    .isEqualTo(first);
            HeldEc2.release();

            // It finishes with what it read before the group was deleted, or fails: never RUNNING, never doubled.
            JsonPath stale = FencedService.awaitFinished(service, first);
            assertThat(stale.getString("status")).isIn("COMPLETE", "FAILED");
            assertThat(Sql.rows(FenceDatabase.URL, "select status from finding where resource_id = ?", stray))
                    .containsExactly(List.of("OPEN"));

            JsonPath second = FencedService.awaitFinished(service, FencedService.requestScan(service));
            assertThat(second.getString("status")).isEqualTo("COMPLETE");
            assertThat(second.getInt("findingsResolved")).isEqualTo(1);
            assertThat(Sql.findingEvents(FenceDatabase.URL, fingerprint))
                    .containsExactly("finding.opened v1", "finding.resolved v2");

            JsonPath next = FencedService.awaitFinished(service, FencedService.requestScan(service));
            assertThat(next.getString("status")).isEqualTo("COMPLETE");
            assertThat(next.getInt("findingsOpened") + next.getInt("findingsUpdated") + next.getInt("findingsResolved"))
                    .isZero();
        }
    }
}
