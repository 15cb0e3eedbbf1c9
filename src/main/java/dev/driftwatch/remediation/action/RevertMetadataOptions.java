package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ec2.InstanceCollector;
import dev.driftwatch.resource.AttributeValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;

/**
 * Drift revert of an instance's {@code metadata_options}: one ModifyInstanceMetadataOptions with the state's
 * {@code http_tokens}, {@code http_put_response_hop_limit} and {@code http_endpoint} (and its
 * {@code instance_metadata_tags} and {@code http_protocol_ipv6} where it has them), all written, since the API may
 * reset what it is not given.
 */
@ApplicationScoped
public class RevertMetadataOptions implements RemediationAction {

    private static final String OPTIONS = "metadata_options";

    @Override
    public String name() {
        return "revert-metadata-options";
    }

    @Override
    public Set<String> revertsPaths() {
        return Set.of(OPTIONS);
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
        RevertPlan plan =
                RevertPlan.of(target, Map.of(OPTIONS, InstanceCollector.metadataOptions(instance.metadataOptions())));
        if (plan.isMoved()) {
            return Reading.moved(tags);
        }
        if (plan.isDone()) {
            return Reading.fixed(tags);
        }
        Object expected = plan.writes().get(OPTIONS);
        if (!(expected instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> wanted)) {
            return Reading.cannotFix(tags, "the state's " + OPTIONS + " is " + expected + ", not one block");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("InstanceId", instance.instanceId());
        ModifyInstanceMetadataOptionsRequest.Builder request =
                ModifyInstanceMetadataOptionsRequest.builder().instanceId(instance.instanceId());
        try {
            String tokens = StateValues.text("http_tokens", wanted.get("http_tokens"));
            int hops = StateValues.whole("http_put_response_hop_limit", wanted.get("http_put_response_hop_limit"));
            String endpoint = StateValues.text("http_endpoint", wanted.get("http_endpoint"));
            request.httpTokens(tokens).httpPutResponseHopLimit(hops).httpEndpoint(endpoint);
            parameters.put("HttpTokens", tokens);
            parameters.put("HttpPutResponseHopLimit", hops);
            parameters.put("HttpEndpoint", endpoint);
            if (!AttributeValues.isEmpty(wanted.get("instance_metadata_tags"))) {
                String metadataTags = StateValues.text("instance_metadata_tags", wanted.get("instance_metadata_tags"));
                request.instanceMetadataTags(metadataTags);
                parameters.put("InstanceMetadataTags", metadataTags);
            }
            if (!AttributeValues.isEmpty(wanted.get("http_protocol_ipv6"))) {
                String ipv6 = StateValues.text("http_protocol_ipv6", wanted.get("http_protocol_ipv6"));
                request.httpProtocolIpv6(ipv6);
                parameters.put("HttpProtocolIpv6", ipv6);
            }
        } catch (IllegalArgumentException e) {
            return Reading.cannotFix(tags, e.getMessage());
        }
        ModifyInstanceMetadataOptionsRequest modify = request.build();
        return Reading.needs(
                tags, new Fix(new PlannedCall("ec2:ModifyInstanceMetadataOptions", parameters), s -> s.ec2()
                        .modifyInstanceMetadataOptions(modify)));
    }
}
