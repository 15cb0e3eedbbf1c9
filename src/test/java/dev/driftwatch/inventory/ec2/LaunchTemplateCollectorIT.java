package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.resource.AttributeDiff;
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
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.ResourceType;

class LaunchTemplateCollectorIT {

    private final MotoSession session = MotoSession.in("us-east-1");
    private final LaunchTemplateCollector collector = new LaunchTemplateCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsTheLatestVersionAndSeesANewVersionMadeByHand() {
        Ec2Client ec2 = session.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        LaunchTemplate created = ec2.createLaunchTemplate(r -> r.launchTemplateName("web")
                        .launchTemplateData(d -> d.imageId("ami-03cf127a")
                                .instanceType("t3.micro")
                                .keyName("deployer")
                                .securityGroupIds(group)
                                .metadataOptions(m -> m.httpTokens(LaunchTemplateHttpTokensState.REQUIRED)))
                        .tagSpecifications(t -> t.resourceType(ResourceType.LAUNCH_TEMPLATE)
                                .tags(tag -> tag.key("Team").value("web"))))
                .launchTemplate();
        String id = created.launchTemplateId();
        String arn = "arn:aws:ec2:us-east-1:" + Moto.ACCOUNT + ":launch-template/" + id;
        // As the provider 5.100 wrote it into a state (ids replaced).
        Map<String, Object> state = StateAttributes.of(
                "arn",
                arn,
                "block_device_mappings",
                List.of(),
                "capacity_reservation_specification",
                List.of(),
                "cpu_options",
                List.of(),
                "credit_specification",
                List.of(),
                "default_version",
                1,
                "description",
                "",
                "disable_api_stop",
                false,
                "disable_api_termination",
                false,
                "ebs_optimized",
                "",
                "elastic_gpu_specifications",
                List.of(),
                "elastic_inference_accelerator",
                List.of(),
                "enclave_options",
                List.of(),
                "hibernation_options",
                List.of(),
                "iam_instance_profile",
                List.of(),
                "id",
                id,
                "image_id",
                "ami-03cf127a",
                "instance_initiated_shutdown_behavior",
                "",
                "instance_market_options",
                List.of(),
                "instance_requirements",
                List.of(),
                "instance_type",
                "t3.micro",
                "kernel_id",
                "",
                "key_name",
                "deployer",
                "latest_version",
                1,
                "license_specification",
                List.of(),
                "maintenance_options",
                List.of(),
                "metadata_options",
                List.of(StateAttributes.of(
                        "http_endpoint",
                        "",
                        "http_protocol_ipv6",
                        "",
                        "http_put_response_hop_limit",
                        0,
                        "http_tokens",
                        "required",
                        "instance_metadata_tags",
                        "")),
                "monitoring",
                List.of(),
                "name",
                "web",
                "name_prefix",
                "",
                "network_interfaces",
                List.of(),
                "placement",
                List.of(),
                "private_dns_name_options",
                List.of(),
                "ram_disk_id",
                "",
                "security_group_names",
                null,
                "tag_specifications",
                List.of(Map.of("resource_type", "launch-template", "tags", Map.of("Team", "web"))),
                "tags",
                Map.of("Team", "web"),
                "tags_all",
                Map.of("Team", "web"),
                "update_default_version",
                null,
                "user_data",
                "",
                "vpc_security_group_ids",
                List.of(group));

        CloudResource live = DriftCheck.find(collector.collect(session), id);
        assertThat(live.arn()).isEqualTo(arn);
        assertThat(live.createdAt()).isEqualTo(created.createTime());
        assertThat(live.attributes()).doesNotContainKey("user_data").containsEntry("tags", Map.of("Team", "web"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        // moto ignores SourceVersion, so the new version repeats the data with only the instance type changed.
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(id).launchTemplateData(d -> d.imageId("ami-03cf127a")
                .instanceType("t3.large")
                .keyName("deployer")
                .securityGroupIds(group)
                .metadataOptions(m -> m.httpTokens(LaunchTemplateHttpTokensState.REQUIRED))));
        CloudResource changed = DriftCheck.find(collector.collect(session), id);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs())
                    .extracting(AttributeDiff::path)
                    .containsExactlyInAnyOrder("instance_type", "latest_version");
        });
    }
}
