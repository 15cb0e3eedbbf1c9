package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.inventory.ec2.RouteTableCollector;
import dev.driftwatch.inventory.ec2.SecurityGroupCollector;
import dev.driftwatch.inventory.ec2.SubnetCollector;
import dev.driftwatch.inventory.ec2.VpcCollector;
import dev.driftwatch.inventory.iam.IamRoleCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a fresh account already holds, read by the real collectors from moto: the default VPC with its
 * subnets, main route table, internet gateway and default group, and a service-linked role. None of it is
 * UNMANAGED unless strict mode asks; a VPC somebody made is UNMANAGED either way.
 */
class AwsManagedIT {

    private static final List<TypedCollector> COLLECTORS = List.of(
            new VpcCollector(),
            new SubnetCollector(),
            new RouteTableCollector(),
            new SecurityGroupCollector(),
            new IamRoleCollector());
    private static final Set<String> READ =
            Set.of("aws_vpc", "aws_subnet", "aws_route_table", "aws_security_group", "aws_iam_role");

    private final MotoSession session = MotoSession.in("us-east-1");
    private String handMadeVpc;

    @BeforeEach
    void freshAccountPlusOneVpc() {
        Moto.reset();
        session.iam().createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com"));
        handMadeVpc =
                session.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    }

    @Test
    void awsOwnedResourcesAreAwsManagedNotUnmanaged() {
        List<CloudResource> live = collect();

        Comparison comparison = Estate.comparator(false).compare(live, List.of(), READ, true);

        // The hand-made VPC comes with its own main route table and default group: AWS's as well.
        assertThat(comparison.observations()).extracting(o -> o.resource().id()).containsExactly(handMadeVpc);
        assertThat(comparison.coverage())
                .filteredOn(c -> c.type().equals("aws_vpc"))
                .containsExactly(new TypeCoverage("aws_vpc", 0, 1, 1));
        assertThat(comparison.coverage())
                .filteredOn(c -> c.type().equals("aws_iam_role"))
                .singleElement()
                .satisfies(c -> assertThat(c.awsManaged()).isEqualTo(1));
    }

    @Test
    void strictModeReportsThemAsUnmanaged() {
        List<CloudResource> live = collect();

        var drift = Estate.comparator(true).compare(live, List.of(), READ, true).observations();

        assertThat(drift)
                .extracting(o -> o.resource().type())
                .contains("aws_vpc", "aws_subnet", "aws_route_table", "aws_security_group", "aws_iam_role");
        assertThat(drift)
                .filteredOn(o -> o.resource().type().equals("aws_iam_role"))
                .singleElement()
                .satisfies(o -> assertThat(o.resource().id()).startsWith("AWSServiceRoleFor"));
    }

    private List<CloudResource> collect() {
        List<CloudResource> live = new ArrayList<>();
        COLLECTORS.forEach(c -> live.addAll(c.collect(session)));
        return live;
    }
}
