package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * {@code aws_instance}: one paginated DescribeInstances call per 1,000 instances, nothing per instance, so the
 * attributes that need DescribeInstanceAttribute (user data, termination protection) are not read; user data
 * would not be collected anyway. Terminated instances are gone for the provider too. Launch time as createdAt.
 */
@ApplicationScoped
public class InstanceCollector extends TypedCollector {

    static final String TYPE = "aws_instance";
    /** The largest page DescribeInstances allows. */
    private static final int PAGE_SIZE = 1000;

    public InstanceCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> instances = new ArrayList<>();
        session.ec2()
                .describeInstancesPaginator(r -> r.maxResults(PAGE_SIZE))
                .reservations()
                .forEach(reservation -> reservation.instances().stream()
                        .filter(i -> i.state() == null || i.state().name() != InstanceStateName.TERMINATED)
                        .forEach(i -> instances.add(toResource(session, i))));
        return instances;
    }

    private static CloudResource toResource(AwsSession session, Instance i) {
        String arn = Arns.of(session.region(), session.account(), "ec2", "instance/" + i.instanceId());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("ami", i.imageId());
        a.put("arn", arn);
        a.put("availability_zone", i.placement() == null ? null : i.placement().availabilityZone());
        a.put("ebs_optimized", Boolean.TRUE.equals(i.ebsOptimized()));
        a.put(
                "iam_instance_profile",
                i.iamInstanceProfile() == null
                        ? ""
                        : profileName(i.iamInstanceProfile().arn()));
        a.put("id", i.instanceId());
        a.put("instance_type", i.instanceTypeAsString());
        a.put("key_name", i.keyName());
        a.put("metadata_options", metadataOptions(i.metadataOptions()));
        a.put(
                "monitoring",
                i.monitoring() != null
                        && List.of("enabled", "pending").contains(i.monitoring().stateAsString()));
        a.put("placement_group", i.placement() == null ? null : i.placement().groupName());
        a.put("private_ip", i.privateIpAddress());
        a.put("source_dest_check", !Boolean.FALSE.equals(i.sourceDestCheck()));
        a.put("subnet_id", i.subnetId());
        a.put("tags", Tags.toMap(i.tags()));
        a.put("tenancy", i.placement() == null ? null : i.placement().tenancyAsString());
        // A set in the provider's schema: the state lists it sorted.
        a.put(
                "vpc_security_group_ids",
                i.vpcId() == null
                        ? List.of()
                        : i.securityGroups().stream()
                                .map(GroupIdentifier::groupId)
                                .sorted()
                                .toList());
        return new CloudResource(TYPE, i.instanceId(), session.account(), session.region(), arn, a, i.launchTime());
    }

    /** The provider stores the profile's name: the last part of its ARN (instance-profile/[path/]name). */
    private static String profileName(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** {@code metadata_options} in the provider's shape (also what a drift revert compares). */
    public static List<Map<String, Object>> metadataOptions(InstanceMetadataOptionsResponse options) {
        if (options == null) {
            return List.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("http_endpoint", options.httpEndpointAsString());
        m.put("http_protocol_ipv6", options.httpProtocolIpv6AsString());
        m.put(
                "http_put_response_hop_limit",
                options.httpPutResponseHopLimit() == null ? 0 : options.httpPutResponseHopLimit());
        m.put("http_tokens", options.httpTokensAsString());
        m.put("instance_metadata_tags", options.instanceMetadataTagsAsString());
        return List.of(m);
    }
}
