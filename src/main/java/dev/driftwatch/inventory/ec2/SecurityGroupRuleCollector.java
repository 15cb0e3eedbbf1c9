package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.SecurityGroupRuleIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * {@code aws_security_group_rule} (the legacy type): one per AWS rule, i.e. per group, direction, protocol, ports
 * and single source, under the id the provider computes from that content ({@code sgrule-<crc32>}). A state
 * entry whose {@code cidr_blocks} holds several blocks covers several AWS rules under one id: the comparison
 * splits it (drift.SecurityGroupRuleSplit). One paginated DescribeSecurityGroupRules call per 1,000 rules; AWS reports no creation time.
 */
@ApplicationScoped
public class SecurityGroupRuleCollector extends TypedCollector {

    static final String TYPE = "aws_security_group_rule";

    public SecurityGroupRuleCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return VpcSecurityGroupRules.list(session).stream()
                .map(rule -> toResource(session, rule))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, SecurityGroupRule rule) {
        String type = Boolean.TRUE.equals(rule.isEgress()) ? "egress" : "ingress";
        String protocol = protocolForValue(rule.ipProtocol());
        boolean icmp = protocol.equals("icmp") || protocol.equals("icmpv6");
        int from = port(rule.fromPort(), protocol, icmp);
        int to = port(rule.toPort(), protocol, icmp);
        String reference = VpcSecurityGroupRules.reference(rule.referencedGroupInfo(), session.account());
        boolean self = rule.referencedGroupInfo() != null
                && rule.groupId().equals(rule.referencedGroupInfo().groupId());
        String id = id(rule.groupId(), type, protocol, from, to, hashedSource(rule));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cidr_blocks", rule.cidrIpv4() == null ? List.of() : List.of(rule.cidrIpv4()));
        a.put("description", rule.description());
        a.put("from_port", from);
        a.put("id", id);
        a.put("ipv6_cidr_blocks", rule.cidrIpv6() == null ? List.of() : List.of(rule.cidrIpv6()));
        a.put("prefix_list_ids", rule.prefixListId() == null ? List.of() : List.of(rule.prefixListId()));
        a.put("protocol", protocol);
        a.put("security_group_id", rule.groupId());
        a.put("security_group_rule_id", rule.securityGroupRuleId());
        if (!self) {
            // A reference to the group itself is written either as self = true or as its own id; both are the same
            // rule.
            a.put("self", false);
            a.put("source_security_group_id", reference);
        }
        a.put("to_port", to);
        a.put("type", type);
        return new CloudResource(TYPE, id, session.account(), session.region(), null, a, null);
    }

    /** The single source as the provider feeds it to its hash: a CIDR, a prefix list, or a group id and an empty name. */
    private static String hashedSource(SecurityGroupRule rule) {
        if (rule.cidrIpv4() != null) {
            return rule.cidrIpv4() + "-";
        }
        if (rule.cidrIpv6() != null) {
            return rule.cidrIpv6() + "-";
        }
        if (rule.prefixListId() != null) {
            return rule.prefixListId() + "-";
        }
        return rule.referencedGroupInfo() == null
                ? ""
                : rule.referencedGroupInfo().groupId() + "--";
    }

    /** The provider's {@code securityGroupRuleCreateID} (see {@link SecurityGroupRuleIds#id}). */
    public static String id(String groupId, String type, String protocol, int from, int to, String sources) {
        return SecurityGroupRuleIds.id(groupId, type, protocol, from, to, sources);
    }

    /** The provider's {@code protocolForValue} (see {@link SecurityGroupRuleIds#protocolForValue}). */
    public static String protocolForValue(String value) {
        return SecurityGroupRuleIds.protocolForValue(value);
    }

    /** AWS answers -1 where no port applies; the provider stores 0 there (ICMP keeps -1 for "any type"). */
    private static int port(Integer value, String protocol, boolean icmp) {
        if (value == null || protocol.equals("-1") || value == -1 && !icmp) {
            return 0;
        }
        return value;
    }
}
