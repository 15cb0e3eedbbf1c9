package dev.driftwatch.inventory.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The legacy rule ids match the ones the AWS provider 5.100 wrote into a real state (groups and ids from that state). */
class SecurityGroupRuleIdTest {

    private static final String GROUP = "sg-a64d44c4997c01e63";
    private static final String OTHER = "sg-98e1493936651d20a";

    @Test
    void reproducesTheProvidersIds() {
        assertThat(SecurityGroupRuleCollector.id(GROUP, "egress", "-1", 0, 0, "0.0.0.0/0-"))
                .isEqualTo("sgrule-3521776660");
        assertThat(SecurityGroupRuleCollector.id(GROUP, "ingress", "-1", 0, 0, GROUP + "--"))
                .isEqualTo("sgrule-1634683838");
        assertThat(SecurityGroupRuleCollector.id(GROUP, "ingress", "tcp", 5432, 5432, OTHER + "--"))
                .isEqualTo("sgrule-449608520");
        assertThat(SecurityGroupRuleCollector.id(GROUP, "ingress", "tcp", 22, 22, "10.0.0.0/8-"))
                .isEqualTo("sgrule-1227053133");
    }

    @Test
    void namesProtocolsAsTheProviderDoes() {
        assertThat(SecurityGroupRuleCollector.protocolForValue("6")).isEqualTo("tcp");
        assertThat(SecurityGroupRuleCollector.protocolForValue("58")).isEqualTo("icmpv6");
        assertThat(SecurityGroupRuleCollector.protocolForValue("all")).isEqualTo("-1");
        assertThat(SecurityGroupRuleCollector.protocolForValue("50")).isEqualTo("50");
    }
}
