package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;

class InstanceCollectorIT {

    private static final String AMI = "ami-03cf127a"; // one of moto's stock images

    private final MotoSession session = MotoSession.in("us-east-1");
    private final InstanceCollector collector = new InstanceCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsInTheProviderShapeAndSeesImdsV1ReenabledByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(
                        r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
                .subnet()
                .subnetId();
        String web = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        String other = ec2.createSecurityGroup(r ->
                        r.groupName("other").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createKeyPair(r -> r.keyName("deployer")); // the private key it answers is dropped
        Instance created = ec2.runInstances(r -> r.imageId(AMI)
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .subnetId(subnet)
                        .securityGroupIds(web, other)
                        .keyName("deployer")
                        .userData("ZWNobyBoaQ==")
                        .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED))
                        .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                                .tags(tag -> tag.key("Name").value("web"), tag -> tag.key("Team")
                                        .value("web"))))
                .instances()
                .get(0);
        String id = created.instanceId();
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":instance/" + id;
        // As the provider 5.100 wrote it into a state (ids replaced; user_data left out of this copy).
        Map<String, Object> state = StateAttributes.of(
                "ami",
                AMI,
                "arn",
                arn,
                "associate_public_ip_address",
                true,
                "availability_zone",
                "us-east-1a",
                "capacity_reservation_specification",
                List.of(),
                "cpu_core_count",
                null,
                "cpu_options",
                List.of(),
                "cpu_threads_per_core",
                null,
                "credit_specification",
                List.of(Map.of("cpu_credits", "standard")),
                "disable_api_stop",
                false,
                "disable_api_termination",
                false,
                "ebs_block_device",
                List.of(),
                "ebs_optimized",
                false,
                "enable_primary_ipv6",
                null,
                "get_password_data",
                false,
                "hibernation",
                false,
                "host_id",
                "",
                "iam_instance_profile",
                "",
                "id",
                id,
                "instance_initiated_shutdown_behavior",
                "stop",
                "instance_lifecycle",
                "",
                "instance_state",
                "running",
                "instance_type",
                "t3.micro",
                "ipv6_address_count",
                0,
                "ipv6_addresses",
                List.of(),
                "key_name",
                "deployer",
                "launch_template",
                List.of(),
                "maintenance_options",
                List.of(),
                "metadata_options",
                List.of(StateAttributes.of(
                        "http_endpoint",
                        "enabled",
                        "http_protocol_ipv6",
                        "disabled",
                        "http_put_response_hop_limit",
                        1,
                        "http_tokens",
                        "required",
                        "instance_metadata_tags",
                        "disabled")),
                "monitoring",
                false,
                "network_interface",
                List.of(),
                "outpost_arn",
                "",
                "password_data",
                "",
                "placement_group",
                "",
                "placement_partition_number",
                0,
                "primary_network_interface_id",
                "eni-5b450e90804c2330e",
                "private_dns",
                created.privateDnsName(),
                "private_ip",
                created.privateIpAddress(),
                "public_dns",
                "",
                "public_ip",
                "",
                "secondary_private_ips",
                List.of(),
                "security_groups",
                List.of(),
                "source_dest_check",
                true,
                "spot_instance_request_id",
                "",
                "subnet_id",
                subnet,
                "tags",
                Map.of("Name", "web", "Team", "web"),
                "tags_all",
                Map.of("Name", "web", "Team", "web"),
                "tenancy",
                "default",
                "timeouts",
                null,
                "user_data_base64",
                null,
                "user_data_replace_on_change",
                false,
                "volume_tags",
                null,
                "vpc_security_group_ids",
                List.of(web, other).stream().sorted().toList());

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.createdAt()).isEqualTo(created.launchTime());
        assertThat(live.attributes())
                .doesNotContainKey("user_data")
                .containsEntry("tags", Map.of("Name", "web", "Team", "web"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens(HttpTokensState.OPTIONAL));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("metadata_options");
                assertThat(d.actual().toString()).contains("http_tokens=optional");
            });
        });
    }

    @Test
    void leavesTerminatedInstancesOut() {
        Ec2Client ec2 = session.ec2();
        String running = runInstance(ec2);
        String terminated = runInstance(ec2);
        ec2.terminateInstances(r -> r.instanceIds(terminated));
        // EC2 (and moto) keeps listing a terminated instance for a while: the collector must drop it itself
        assertThat(ec2.describeInstances(r -> r.instanceIds(terminated)).reservations())
                .flatExtracting(Reservation::instances)
                .singleElement()
                .satisfies(i -> assertThat(i.state().name()).isEqualTo(InstanceStateName.TERMINATED));

        assertThat(collector.collect(session)).extracting(CloudResource::id).containsExactly(running);
    }

    private static String runInstance(Ec2Client ec2) {
        return ec2.runInstances(
                        r -> r.imageId(AMI).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances()
                .get(0)
                .instanceId();
    }
}
