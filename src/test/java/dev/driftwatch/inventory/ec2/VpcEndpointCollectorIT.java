package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

class VpcEndpointCollectorIT {

    /** As the provider stores a policy: normalised (keys sorted, no whitespace). */
    private static final String POLICY_AS_STORED =
            "{\"Statement\":[{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}],"
                    + "\"Version\":\"2012-10-17\"}";

    private final MotoSession session = MotoSession.in("us-east-1");
    private final VpcEndpointCollector collector = new VpcEndpointCollector();
    private final Ec2Client ec2 = session.ec2();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsAGatewayEndpointInTheProviderShapeAndSeesATagChangedByHand() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        // written as a person would, with spaces and keys in another order
        String policy = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\" } ] }";
        VpcEndpoint created = ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                        // the provider sends the type (its default Gateway); moto only reports it when it was given
                        .vpcEndpointType("Gateway")
                        .serviceName("com.amazonaws.us-east-1.s3")
                        .routeTableIds(table)
                        .policyDocument(policy)
                        .tagSpecifications(t -> t.resourceType("vpc-endpoint")
                                .tags(g -> g.key("Team").value("net"))))
                .vpcEndpoint();
        String id = created.vpcEndpointId();
        // As terraform apply of aws_vpc_endpoint { vpc_id, service_name, route_table_ids, policy, tags } wrote it.
        Map<String, Object> state = StateAttributes.of(
                "arn",
                "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":vpc-endpoint/" + id,
                "auto_accept",
                null,
                "cidr_blocks",
                List.of(),
                "dns_entry",
                List.of(),
                "dns_options",
                List.of(),
                "id",
                id,
                "ip_address_type",
                "",
                "network_interface_ids",
                List.of(),
                "owner_id",
                Moto.ACCOUNT,
                "policy",
                POLICY_AS_STORED,
                "prefix_list_id",
                "",
                // the provider reads private_dns_enabled as AWS answers it; moto answers true for every endpoint
                "private_dns_enabled",
                true,
                "requester_managed",
                false,
                "route_table_ids",
                List.of(table),
                "security_group_ids",
                List.of(),
                "service_name",
                "com.amazonaws.us-east-1.s3",
                "state",
                "available",
                "subnet_configuration",
                List.of(),
                "subnet_ids",
                List.of(),
                "tags",
                Map.of("Team", "net"),
                "tags_all",
                Map.of("Team", "net"),
                "timeouts",
                null,
                "vpc_endpoint_type",
                "Gateway",
                "vpc_id",
                vpc);

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo("arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":vpc-endpoint/" + id);
        assertThat(live.createdAt()).isEqualTo(created.creationTimestamp());
        assertThat(live.awsManaged()).isFalse();
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Team").value("data")));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("tags.Team");
                assertThat(d.actual()).isEqualTo("data");
            });
        });
    }

    @Test
    void anInterfaceEndpointNamesItsSubnetsAndInterfacesAndADeletedEndpointIsGone() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"))
                .subnet()
                .subnetId();
        String group = ec2.createSecurityGroup(
                        r -> r.vpcId(vpc).groupName("endpoints").description("endpoints"))
                .groupId();
        String id = ec2.createVpcEndpoint(r -> r.vpcId(vpc)
                        .vpcEndpointType("Interface")
                        .serviceName("com.amazonaws.us-east-1.ssm")
                        .subnetIds(subnet)
                        .securityGroupIds(group))
                .vpcEndpoint()
                .vpcEndpointId();
        String deleted = ec2.createVpcEndpoint(
                        r -> r.vpcId(vpc).vpcEndpointType("Gateway").serviceName("com.amazonaws.us-east-1.dynamodb"))
                .vpcEndpoint()
                .vpcEndpointId();
        ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(deleted)); // listed as "deleted" a while, as on AWS

        List<CloudResource> collected = collector.collect(session);

        assertThat(collected).extracting(CloudResource::id).containsExactly(id);
        assertThat(collected.get(0).attributes())
                .containsEntry("vpc_endpoint_type", "Interface")
                .containsEntry("subnet_ids", List.of(subnet))
                .containsEntry("security_group_ids", List.of(group))
                .hasEntrySatisfying("network_interface_ids", ids -> assertThat((List<?>) ids)
                        .hasSize(1));
    }
}
