package dev.driftwatch.inventory.ec2;

import static dev.driftwatch.testsupport.SecurityGroups.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.SecurityGroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The pattern every collector test follows: create in moto, collect, in sync with its state entry, change, drift. */
class SecurityGroupCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final SecurityGroupCollector collector = new SecurityGroupCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesARuleAddedByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String id = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("web")));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(
                        p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
        Map<String, Object> state = SecurityGroups.attributes(
                id, "web", vpc, "us-east-1", Map.of("Team", "web"), List.of(rule("tcp", 443, 443, "0.0.0.0/0")));

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.awsManaged()).as("a group someone made").isFalse();
        assertThat(collector.collect(session).stream()
                        .filter(g -> vpc.equals(g.attributes().get("vpc_id"))))
                .filteredOn(g -> "default".equals(g.attributes().get("name")))
                .singleElement()
                .as("the group every VPC comes with is AWS's")
                .satisfies(g -> assertThat(g.awsManaged()).isTrue());
        assertThat(live.arn()).isEqualTo("arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":security-group/" + id);
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("ingress");
                assertThat(d.actual().toString()).contains("tcp 22-22 0.0.0.0/0");
            });
        });
    }
}
