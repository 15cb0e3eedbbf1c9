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
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** {@code aws_security_group}: one paginated DescribeSecurityGroups call per 1,000 groups. */
@ApplicationScoped
public class SecurityGroupCollector extends TypedCollector {

    static final String TYPE = "aws_security_group";
    /** The largest page DescribeSecurityGroups allows. */
    private static final int PAGE_SIZE = 1000;

    public SecurityGroupCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> groups = new ArrayList<>();
        session.ec2()
                .describeSecurityGroupsPaginator(r -> r.maxResults(PAGE_SIZE))
                .securityGroups()
                .forEach(group -> groups.add(toResource(session, group)));
        return groups;
    }

    static CloudResource toResource(AwsSession session, SecurityGroup group) {
        String ownerId = group.ownerId() == null ? session.account() : group.ownerId();
        String arn = Arns.of(session.region(), ownerId, "ec2", "security-group/" + group.groupId());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("arn", arn);
        attributes.put("description", group.description());
        attributes.put("id", group.groupId());
        attributes.put("name", group.groupName());
        attributes.put("owner_id", ownerId);
        attributes.put("vpc_id", group.vpcId());
        attributes.put("tags", Tags.toMap(group.tags()));
        attributes.put("ingress", SecurityGroupRules.flatten(group.groupId(), ownerId, group.ipPermissions()));
        attributes.put("egress", SecurityGroupRules.flatten(group.groupId(), ownerId, group.ipPermissionsEgress()));
        // every VPC's default group comes with the VPC (Terraform: aws_default_security_group)
        boolean ofTheVpc = "default".equals(group.groupName());
        return new CloudResource(
                TYPE, group.groupId(), session.account(), session.region(), arn, attributes, null, ofTheVpc);
    }
}
