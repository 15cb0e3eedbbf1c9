package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code aws_vpc_security_group_egress_rule}: every egress rule of every group, one per AWS rule id (sgr-...), from
 * one paginated DescribeSecurityGroupRules call per 1,000 rules. No creation time: AWS reports none.
 */
@ApplicationScoped
public class VpcSecurityGroupEgressRuleCollector extends TypedCollector {

    static final String TYPE = "aws_vpc_security_group_egress_rule";

    public VpcSecurityGroupEgressRuleCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return VpcSecurityGroupRules.collect(session, TYPE, true);
    }
}
