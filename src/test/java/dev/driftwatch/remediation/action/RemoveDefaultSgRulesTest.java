package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** Only a group named default is emptied, of every ingress and egress rule. */
class RemoveDefaultSgRulesTest {

    private static final IpPermission SELF = IpPermission.builder()
            .ipProtocol("-1")
            .userIdGroupPairs(g -> g.groupId("sg-1").userId("123456789012").description("self"))
            .build();
    private static final IpPermission ALL_OUT = IpPermission.builder()
            .ipProtocol("-1")
            .ipRanges(r -> r.cidrIp("0.0.0.0/0").description("all"))
            .build();

    @Test
    void aDefaultGroupLosesEveryRule() {
        Reading reading = RemoveDefaultSgRules.check(group("default", List.of(SELF), List.of(ALL_OUT)));

        PlannedCall call = reading.fix().orElseThrow().call();
        assertThat(call.operation()).isEqualTo("ec2:RevokeSecurityGroupIngress+ec2:RevokeSecurityGroupEgress");
        assertThat(call.parameters().get("IpPermissions").toString()).contains("sg-1");
        assertThat(call.parameters().get("IpPermissionsEgress").toString()).contains("0.0.0.0/0");
    }

    @Test
    void descriptionsAreLeftOutOfTheRevoke() {
        assertThat(RemoveDefaultSgRules.bare(ALL_OUT).ipRanges().get(0).description())
                .isNull();
        assertThat(RemoveDefaultSgRules.bare(SELF).userIdGroupPairs().get(0).groupId())
                .isEqualTo("sg-1");
    }

    @Test
    void anEmptyDefaultGroupIsFixed() {
        assertThat(RemoveDefaultSgRules.check(group("default", List.of(), List.of()))
                        .isFixed())
                .isTrue();
    }

    @Test
    void anyOtherGroupIsNeverWritten() {
        Reading reading = RemoveDefaultSgRules.check(group("web", List.of(SELF), List.of(ALL_OUT)));

        assertThat(reading.fix()).isEmpty();
        assertThat(reading.isFixed()).isFalse();
        assertThat(reading.cannotFix())
                .hasValueSatisfying(why -> assertThat(why).contains("named 'web'"));
    }

    private static SecurityGroup group(String name, List<IpPermission> in, List<IpPermission> out) {
        return SecurityGroup.builder()
                .groupId("sg-1")
                .groupName(name)
                .ipPermissions(in)
                .ipPermissionsEgress(out)
                .tags(t -> t.key("k").value("v"))
                .build();
    }
}
