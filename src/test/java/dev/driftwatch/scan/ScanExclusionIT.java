package dev.driftwatch.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Two scans of the same account and region never run at the same time, on one replica or several: the
 * second waits for the first (requests share a Kafka partition, and each scan holds its target's lock).
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ScanExclusionIT {

    private static final String REGION = "us-east-1";

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void twoRequestsForOneRegionRunOneAfterTheOther() {
        // Enough groups that a scan takes a while, so overlapping scans would be seen.
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            for (int i = 0; i < 300; i++) {
                String name = "group-" + i;
                ec2.createSecurityGroup(r -> r.groupName(name).description("load"));
            }
        }

        List<Long> ids = Stream.of(REGION, REGION).parallel().map(r -> Scans.request(r).get(0)).toList();
        List<JsonPath> scans = ids.stream().map(Scans::awaitFinished)
                .sorted(Comparator.comparing(s -> Instant.parse(s.getString("startedAt"))))
                .toList();

        assertThat(scans).extracting(s -> s.getString("status")).containsExactly("COMPLETE", "COMPLETE");
        Instant firstFinished = Instant.parse(scans.get(0).getString("finishedAt"));
        Instant secondStarted = Instant.parse(scans.get(1).getString("startedAt"));
        assertThat(secondStarted).as("second scan starts after the first has finished").isAfterOrEqualTo(firstFinished);
        // 300 groups, the VPC's default group, and the default VPC's other pieces
        assertThat(scans.get(1).getInt("resourcesScanned")).isGreaterThan(300);
    }
}
