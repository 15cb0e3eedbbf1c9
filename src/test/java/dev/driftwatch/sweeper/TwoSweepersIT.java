package dev.driftwatch.sweeper;

import static dev.driftwatch.testsupport.SweeperProfile.REGION;
import static dev.driftwatch.testsupport.SweeperProfile.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.SecondInstance;
import dev.driftwatch.testsupport.SweeperReplicaProfile;
import dev.driftwatch.testsupport.Sweeps;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.IamClient;

/** Two replicas asked to sweep one sandbox at once: one run at a time per account, each resource deleted once. */
@QuarkusTest
@TestProfile(SweeperReplicaProfile.class)
@WithTestResource(KafkaBroker.class)
class TwoSweepersIT {

    private static final int GROUPS = 12;

    @Inject
    EntityManager em;

    @Test
    void sweepsAskedOfBothReplicasDeleteEachResourceOnce() throws Exception {
        Moto.reset();
        Database.clear(em);
        TerraformStates.clear();
        try (IamClient iam = Moto.iam(SANDBOX)) {
            iam.createAccountAlias(r -> r.accountAlias("team-b-sandbox"));
        }
        List<String> groups = new ArrayList<>();
        try (Ec2Client ec2 = Moto.ec2(REGION, SANDBOX)) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
            for (int i = 0; i < GROUPS; i++) {
                int n = i;
                groups.add(ec2.createSecurityGroup(
                                r -> r.vpcId(vpc).groupName("scratch-" + n).description("scratch"))
                        .groupId());
            }
        }
        String request = "{\"account\": \"" + SANDBOX + "\"}";
        try (SecondInstance second =
                SecondInstance.start(SweeperReplicaProfile.replica(), Path.of("target/sweeper-second.log"))) {
            List<Long> sweeps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(JsonPath.from(second.post("/api/sweeps", request).body())
                        .getLong("id"));
                sweeps.add(Sweeps.request(SANDBOX, false));
            }
            List<JsonPath> reports =
                    sweeps.stream().distinct().map(Sweeps::awaitAtRest).toList();

            assertThat(reports)
                    .allSatisfy(r -> assertThat(r.getString("sweep.status")).isEqualTo("COMPLETED"));
            try (Ec2Client ec2 = Moto.ec2(REGION, SANDBOX)) {
                assertThat(ec2.describeSecurityGroups().securityGroups().stream()
                                .map(SecurityGroup::groupId))
                        .doesNotContainAnyElementsOf(groups);
            }
            for (String group : groups) {
                long deleted = reports.stream()
                        .flatMap(r -> r.<Map<String, Object>>getList("items").stream())
                        .filter(i -> group.equals(i.get("id")) && "DELETED".equals(i.get("outcome")))
                        .count();
                assertThat(deleted).as(group + " deleted by how many sweeps").isEqualTo(1);
            }
            assertThat(deletes(Management.metrics()) + deletes(second.metrics()))
                    .as("DeleteSecurityGroup calls over both replicas")
                    .isEqualTo(GROUPS);
        }
    }

    private static double deletes(String metrics) {
        Matcher m = Pattern.compile(
                        "(?m)^driftwatch_aws_requests_total\\{[^}]*operation=\"DeleteSecurityGroup\"[^}]*} ([0-9.]+)$")
                .matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
