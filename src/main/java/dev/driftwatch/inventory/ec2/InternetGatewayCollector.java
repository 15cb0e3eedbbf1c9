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
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** {@code aws_internet_gateway}: one paginated DescribeInternetGateways call per 1,000 gateways, nothing per gateway. */
@ApplicationScoped
public class InternetGatewayCollector extends TypedCollector {

    static final String TYPE = "aws_internet_gateway";
    /** The largest page DescribeInternetGateways allows. */
    private static final int PAGE_SIZE = 1000;

    public InternetGatewayCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> gateways = new ArrayList<>();
        // One call per region: the default VPC's gateway is AWS's, like the VPC itself.
        Set<String> defaultVpcs =
                session
                        .ec2()
                        .describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                        .vpcs()
                        .stream()
                        .map(Vpc::vpcId)
                        .collect(Collectors.toSet());
        session.ec2()
                .describeInternetGatewaysPaginator(r -> r.maxResults(PAGE_SIZE))
                .internetGateways()
                .forEach(gateway -> gateways.add(toResource(session, gateway, defaultVpcs)));
        return gateways;
    }

    private static CloudResource toResource(AwsSession session, InternetGateway gateway, Set<String> defaultVpcs) {
        String id = gateway.internetGatewayId();
        String ownerId = gateway.ownerId() == null ? session.account() : gateway.ownerId();
        String arn = Arns.of(session.region(), ownerId, "ec2", "internet-gateway/" + id);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("arn", arn);
        attributes.put("id", id);
        attributes.put("owner_id", ownerId);
        attributes.put("tags", Tags.toMap(gateway.tags()));
        // The provider stores the first attachment's VPC (a gateway attaches to one VPC at most).
        attributes.put(
                "vpc_id",
                gateway.attachments().isEmpty()
                        ? ""
                        : gateway.attachments().get(0).vpcId());
        boolean ofDefaultVpc = gateway.attachments().stream().anyMatch(a -> defaultVpcs.contains(a.vpcId()));
        return new CloudResource(TYPE, id, session.account(), session.region(), arn, attributes, null, ofDefaultVpc);
    }
}
