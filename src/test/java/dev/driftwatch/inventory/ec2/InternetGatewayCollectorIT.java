package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class InternetGatewayCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final InternetGatewayCollector collector = new InternetGatewayCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesTheGatewayDetachedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String id = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("net")));
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":internet-gateway/" + id;
        // As terraform apply of aws_internet_gateway { vpc_id, tags } wrote it.
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "id",
                id,
                "owner_id",
                Moto.ACCOUNT,
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"),
                "timeouts",
                null,
                "vpc_id",
                vpc);

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.attributes()).containsEntry("vpc_id", vpc).containsEntry("tags", Map.of("Team", "net"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("vpc_id");
                assertThat(d.expected()).isEqualTo(vpc);
            });
        });
    }
}
