package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Security group rules one by one (one AWS rule = one source), as {@code aws_vpc_security_group_ingress_rule}
 * and {@code aws_vpc_security_group_egress_rule} store them: one paginated DescribeSecurityGroupRules call per
 * 1,000 rules, nothing per rule.
 */
final class VpcSecurityGroupRules {

    /** The largest page DescribeSecurityGroupRules allows. */
    private static final int PAGE_SIZE = 1000;

    private VpcSecurityGroupRules() {}

    static List<SecurityGroupRule> list(AwsSession session) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        session.ec2()
                .describeSecurityGroupRulesPaginator(r -> r.maxResults(PAGE_SIZE))
                .securityGroupRules()
                .forEach(rules::add);
        return rules;
    }

    static List<CloudResource> collect(AwsSession session, String type, boolean egress) {
        return list(session).stream()
                .filter(rule -> Boolean.TRUE.equals(rule.isEgress()) == egress)
                .map(rule -> toResource(session, type, rule))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, String type, SecurityGroupRule rule) {
        String id = rule.securityGroupRuleId();
        String owner = rule.groupOwnerId() == null ? session.account() : rule.groupOwnerId();
        String arn = rule.securityGroupRuleArn() != null
                ? rule.securityGroupRuleArn()
                : Arns.of(session.region(), owner, "ec2", "security-group-rule/" + id);
        // The provider stores no ports for "all protocols" (AWS answers -1).
        boolean allProtocols = "-1".equals(rule.ipProtocol());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", arn);
        a.put("cidr_ipv4", rule.cidrIpv4());
        a.put("cidr_ipv6", rule.cidrIpv6());
        a.put("description", rule.description());
        a.put("from_port", allProtocols ? null : rule.fromPort());
        a.put("id", id);
        a.put("ip_protocol", rule.ipProtocol());
        a.put("prefix_list_id", rule.prefixListId());
        a.put("referenced_security_group_id", reference(rule.referencedGroupInfo(), session.account()));
        a.put("security_group_id", rule.groupId());
        a.put("security_group_rule_id", id);
        a.put("tags", Tags.toMap(rule.tags()));
        a.put("to_port", allProtocols ? null : rule.toPort());
        return new CloudResource(type, id, session.account(), session.region(), arn, a, null);
    }

    /** A group of this account by its id, one of another account as {@code account/sg-...}, as the provider writes it. */
    static String reference(ReferencedSecurityGroup group, String account) {
        if (group == null) {
            return null;
        }
        return group.userId() == null || group.userId().equals(account)
                ? group.groupId()
                : group.userId() + "/" + group.groupId();
    }
}
