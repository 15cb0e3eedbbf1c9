package dev.driftwatch.scan;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * SIGTERM to the packaged service in the middle of a scan: it stops within quarkus.shutdown.timeout, leaves
 * no scan RUNNING (the interrupted one is FAILED and wrote nothing), and the next start scans the target.
 */
class ScanShutdownIT {

    private static final String REGION = "us-east-1";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(8);

    private final HeldEc2 ec2Front = new HeldEc2();
    private StandaloneKafka kafka;
    private Map<String, String> config;

    @BeforeEach
    void start() throws Exception {
        kafka = new StandaloneKafka();
        config = FencedService.onACleanSlate(kafka, ec2Front);
        config.put("quarkus.shutdown.timeout", SHUTDOWN_TIMEOUT.toSeconds() + "s");
    }

    @AfterEach
    void stop() {
        HeldEc2.release();
        ec2Front.stop();
        kafka.close();
    }

    @Test
    void sigtermMidScanLeavesNoScanRunningAndTheNextScanRuns() throws Exception {
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
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
            ec2.createSecurityGroup(
                    r -> r.groupName("stray").description("by hand").vpcId(vpc));
        }
        long interrupted;
        try (SecondInstance service = SecondInstance.start(config, Path.of("target/scan-shutdown-1.log"))) {
            HeldEc2.holdNext();
            interrupted = FencedService.requestScan(service);
            HeldEc2.awaitHolding();
            assertThat(status(interrupted)).isEqualTo("RUNNING");

            long sent = System.nanoTime();
            service.process().destroy(); // SIGTERM
            assertThat(service.process().waitFor(SHUTDOWN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS))
                    .as("the service stops within quarkus.shutdown.timeout")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(SHUTDOWN_TIMEOUT.plusSeconds(5));
        }
        HeldEc2.release();

        assertThat(Sql.rows(FenceDatabase.URL, "select id from scan_run where status = 'RUNNING'"))
                .as("scans left RUNNING")
                .isEmpty();
        assertThat(status(interrupted)).isEqualTo("FAILED");
        assertThat((String) Sql.rows(FenceDatabase.URL, "select problems::text from scan_run where id = ?", interrupted)
                        .get(0)
                        .get(0))
                .contains("interrupted by shutdown");
        assertThat(Sql.rows(FenceDatabase.URL, "select id from finding"))
                .as("nothing concluded from a half scan")
                .isEmpty();

        try (SecondInstance service = SecondInstance.start(config, Path.of("target/scan-shutdown-2.log"))) {
            JsonPath next = FencedService.awaitFinished(service, FencedService.requestScan(service));
            assertThat(next.getString("status")).isEqualTo("COMPLETE");
            assertThat(next.getInt("findingsOpened")).as("the stray group").isEqualTo(1);
        }
    }

    private static String status(long scan) {
        return (String) Sql.rows(FenceDatabase.URL, "select status from scan_run where id = ?", scan)
                .get(0)
                .get(0);
    }
}
