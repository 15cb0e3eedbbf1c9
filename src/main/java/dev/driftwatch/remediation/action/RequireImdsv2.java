package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;

/**
 * Requires session tokens (IMDSv2) on an instance's metadata service. The other metadata options are written back
 * as they were read, so the call changes nothing else even where an API resets what it is not given.
 */
@ApplicationScoped
public class RequireImdsv2 implements RemediationAction {

    @Override
    public String name() {
        return "require-imdsv2";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeInstances", "ec2:ModifyInstanceMetadataOptions");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        Optional<Instance> found = Ec2Instances.find(session, target.resourceId());
        if (found.isEmpty()) {
            return Reading.gone();
        }
        Instance instance = found.get();
        Map<String, String> tags = Ec2Tags.of(instance.tags());
        InstanceMetadataOptionsResponse options = instance.metadataOptions();
        if (options != null && "required".equals(options.httpTokensAsString())) {
            return Reading.fixed(tags);
        }
        String instanceId = instance.instanceId();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("InstanceId", instanceId);
        parameters.put("HttpTokens", "required");
        if (options != null) {
            putIfSet(parameters, "HttpEndpoint", options.httpEndpointAsString());
            putIfSet(parameters, "HttpPutResponseHopLimit", options.httpPutResponseHopLimit());
            putIfSet(parameters, "InstanceMetadataTags", options.instanceMetadataTagsAsString());
        }
        return Reading.needs(
                tags, new Fix(new PlannedCall("ec2:ModifyInstanceMetadataOptions", parameters), s -> s.ec2()
                        .modifyInstanceMetadataOptions(r -> {
                            r.instanceId(instanceId).httpTokens("required");
                            if (options != null) {
                                r.httpEndpoint(options.httpEndpointAsString())
                                        .httpPutResponseHopLimit(options.httpPutResponseHopLimit())
                                        .instanceMetadataTags(options.instanceMetadataTagsAsString());
                            }
                        })));
    }

    private static void putIfSet(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
