package dev.driftwatch.inventory.ec2;

import dev.driftwatch.inventory.AwsSession;
import dev.driftwatch.inventory.Collector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code aws_vpc_security_group_ingress_rule}: every ingress rule of every group, one per AWS rule id (sgr-...), from
 * one paginated DescribeSecurityGroupRules call per 1,000 rules. No creation time: AWS reports none.
 */
@ApplicationScoped
public class VpcSecurityGroupIngressRuleCollector implements Collector {

    static final String TYPE = "aws_vpc_security_group_ingress_rule";

    @Override
    public String resourceType() {
        return TYPE;
    }

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return VpcSecurityGroupRules.collect(session, TYPE, false);
    }
}
