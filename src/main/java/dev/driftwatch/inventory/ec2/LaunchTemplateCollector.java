package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataOptions;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * {@code aws_launch_template}: the template and the data of its latest version, which is what the provider
 * stores. One paginated DescribeLaunchTemplates call and one paginated DescribeLaunchTemplateVersions
 * ($Latest of every template) call per 200; a template created between the two is read on its own.
 * createdAt = CreateTime. User data is not collected.
 */
@ApplicationScoped
public class LaunchTemplateCollector extends TypedCollector {

    static final String TYPE = "aws_launch_template";
    /** The largest page both APIs allow. */
    private static final int PAGE_SIZE = 200;

    private static final String LATEST = "$Latest";

    public LaunchTemplateCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        Map<String, LaunchTemplateVersion> latest = new HashMap<>();
        session.ec2()
                .describeLaunchTemplateVersionsPaginator(r -> r.versions(LATEST).maxResults(PAGE_SIZE))
                .launchTemplateVersions()
                .forEach(v -> latest.put(v.launchTemplateId(), v));
        return session.ec2().describeLaunchTemplatesPaginator(r -> r.maxResults(PAGE_SIZE)).launchTemplates().stream()
                .map(t -> toResource(
                        session, t, latest.computeIfAbsent(t.launchTemplateId(), id -> latestOf(session, id))))
                .toList();
    }

    private static LaunchTemplateVersion latestOf(AwsSession session, String id) {
        return session.ec2()
                .describeLaunchTemplateVersions(r -> r.launchTemplateId(id).versions(LATEST))
                .launchTemplateVersions()
                .get(0);
    }

    private static CloudResource toResource(AwsSession session, LaunchTemplate t, LaunchTemplateVersion version) {
        String arn = Arns.of(session.region(), session.account(), "ec2", "launch-template/" + t.launchTemplateId());
        ResponseLaunchTemplateData data = version.launchTemplateData() == null
                ? ResponseLaunchTemplateData.builder().build()
                : version.launchTemplateData();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", arn);
        a.put("default_version", t.defaultVersionNumber());
        a.put("description", version.versionDescription());
        a.put("disable_api_stop", Boolean.TRUE.equals(data.disableApiStop()));
        a.put("disable_api_termination", Boolean.TRUE.equals(data.disableApiTermination()));
        a.put(
                "ebs_optimized",
                data.ebsOptimized() == null ? "" : data.ebsOptimized().toString());
        a.put(
                "iam_instance_profile",
                data.iamInstanceProfile() == null
                        ? List.of()
                        : List.of(block(
                                "arn",
                                data.iamInstanceProfile().arn(),
                                "name",
                                data.iamInstanceProfile().name())));
        a.put("id", t.launchTemplateId());
        a.put("image_id", data.imageId());
        a.put("instance_initiated_shutdown_behavior", data.instanceInitiatedShutdownBehaviorAsString());
        a.put("instance_type", data.instanceTypeAsString());
        a.put("key_name", data.keyName());
        a.put("latest_version", t.latestVersionNumber());
        a.put("metadata_options", metadataOptions(data.metadataOptions()));
        a.put(
                "monitoring",
                data.monitoring() == null
                        ? List.of()
                        : List.of(block(
                                "enabled", Boolean.TRUE.equals(data.monitoring().enabled()))));
        a.put("name", t.launchTemplateName());
        a.put("tags", Tags.toMap(t.tags()));
        // A set in the provider's schema: the state lists it sorted.
        a.put(
                "vpc_security_group_ids",
                data.securityGroupIds().stream().sorted().toList());
        return new CloudResource(
                TYPE, t.launchTemplateId(), session.account(), session.region(), arn, a, t.createTime());
    }

    /** Absent fields as the provider writes them: empty strings and 0. */
    private static List<Map<String, Object>> metadataOptions(LaunchTemplateInstanceMetadataOptions o) {
        if (o == null) {
            return List.of();
        }
        return List.of(block(
                "http_endpoint",
                o.httpEndpointAsString(),
                "http_protocol_ipv6",
                o.httpProtocolIpv6AsString(),
                "http_put_response_hop_limit",
                o.httpPutResponseHopLimit() == null ? 0 : o.httpPutResponseHopLimit(),
                "http_tokens",
                o.httpTokensAsString(),
                "instance_metadata_tags",
                o.instanceMetadataTagsAsString()));
    }

    private static Map<String, Object> block(Object... keysAndValues) {
        Map<String, Object> block = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            block.put((String) keysAndValues[i], value == null ? "" : value);
        }
        return block;
    }
}
