package dev.driftwatch.inventory.ec2;

import static dev.driftwatch.inventory.ec2.Ec2Values.bool;
import static dev.driftwatch.inventory.ec2.Ec2Values.set;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.PolicyJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * {@code aws_vpc_endpoint}: one paginated DescribeVpcEndpoints call per 1,000 endpoints, nothing per endpoint;
 * createdAt = CreationTimestamp. Endpoints being deleted or deleted (AWS lists them a while) are left out, as the
 * provider treats them as gone. The interfaces of an interface endpoint are requester-managed and collected, as
 * AWS-managed, under {@code aws_network_interface}.
 */
@ApplicationScoped
public class VpcEndpointCollector extends TypedCollector {

    static final String TYPE = "aws_vpc_endpoint";
    /** The largest page DescribeVpcEndpoints allows. */
    private static final int PAGE_SIZE = 1000;

    /**
     * States of an endpoint that is going or gone, lower case: AWS answers "available", "deleted"..., which the
     * SDK's {@code State} enum (spelt "Deleted") does not recognise, so states are compared as text.
     */
    private static final Set<String> GONE = Set.of("deleting", "deleted");

    public VpcEndpointCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session.ec2().describeVpcEndpointsPaginator(r -> r.maxResults(PAGE_SIZE)).vpcEndpoints().stream()
                .filter(endpoint -> !GONE.contains(state(endpoint)))
                .map(endpoint -> toResource(session, endpoint))
                .toList();
    }

    /** The endpoint's state in lower case, as AWS answers it. */
    public static String state(VpcEndpoint endpoint) {
        return String.valueOf(endpoint.stateAsString()).toLowerCase(Locale.ROOT);
    }

    private static CloudResource toResource(AwsSession session, VpcEndpoint endpoint) {
        String id = endpoint.vpcEndpointId();
        String ownerId = endpoint.ownerId() == null ? session.account() : endpoint.ownerId();
        String arn = Arns.of(session.region(), ownerId, "ec2", "vpc-endpoint/" + id);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", arn);
        a.put("id", id);
        a.put("ip_address_type", endpoint.ipAddressTypeAsString());
        a.put("network_interface_ids", set(endpoint.networkInterfaceIds(), Function.identity()));
        a.put("owner_id", ownerId);
        // The provider normalises the policy it stores (keys sorted, no whitespace): the same canonical form.
        a.put("policy", PolicyJson.canonical(endpoint.policyDocument()));
        a.put("private_dns_enabled", bool(endpoint.privateDnsEnabled()));
        a.put("requester_managed", bool(endpoint.requesterManaged()));
        a.put("route_table_ids", set(endpoint.routeTableIds(), Function.identity()));
        a.put("security_group_ids", set(endpoint.groups(), SecurityGroupIdentifier::groupId));
        a.put("service_name", endpoint.serviceName());
        a.put("state", endpoint.stateAsString());
        a.put("subnet_ids", set(endpoint.subnetIds(), Function.identity()));
        a.put("tags", Tags.toMap(endpoint.tags()));
        a.put("vpc_endpoint_type", endpoint.vpcEndpointTypeAsString());
        a.put("vpc_id", endpoint.vpcId());
        // An endpoint a service made in the account for itself (requester-managed) is AWS's to remove, not ours.
        return new CloudResource(
                TYPE,
                id,
                session.account(),
                session.region(),
                arn,
                a,
                endpoint.creationTimestamp(),
                bool(endpoint.requesterManaged()));
    }
}
