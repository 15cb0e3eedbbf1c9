package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.resource.SecurityGroupPermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the group has and the state lacks is revoked, the other way round authorised; nothing else. */
class RuleChangeTest {

    @Test
    void onlyTheDifferenceIsWritten() {
        RuleChange change = RuleChange.of(
                true,
                List.of("tcp 443-443 10.0.0.0/8", "tcp 5432-5432 sg-1 \"db\""),
                List.of("tcp 443-443 10.0.0.0/8", "tcp 22-22 0.0.0.0/0"));

        assertThat(change.shown())
                .containsExactly(
                        Map.entry("ec2:RevokeSecurityGroupIngress", List.of("tcp 22-22 0.0.0.0/0")),
                        Map.entry("ec2:AuthorizeSecurityGroupIngress", List.of("tcp 5432-5432 sg-1 \"db\"")));
    }

    @Test
    void noPermissionsInTheStateRevokesEveryOne() {
        RuleChange change = RuleChange.of(false, null, List.of("-1 all 0.0.0.0/0"));

        assertThat(change.authorise()).isEmpty();
        assertThat(change.revoke()).extracting(SecurityGroupPermission::format).containsExactly("-1 all 0.0.0.0/0");
        assertThat(change.shown()).containsOnlyKeys("ec2:RevokeSecurityGroupEgress");
    }

    @Test
    void aPermissionItCannotReadIsNotWritten() {
        assertThatThrownBy(() -> RuleChange.of(true, List.of("tcp 22-22 default"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'default'");
        assertThatThrownBy(() -> RuleChange.of(true, "tcp 22-22 0.0.0.0/0", List.of()))
                .hasMessageContaining("not a list of permissions");
    }

    @Test
    void eachPermissionBecomesTheOneEc2PermissionItStandsFor() {
        var self = Ec2Permissions.of(SecurityGroupPermission.parse("tcp 80-80 self \"lb\""), "sg-9");
        var other = Ec2Permissions.of(SecurityGroupPermission.parse("-1 all 210987654321/sg-2"), "sg-9");

        assertThat(self.userIdGroupPairs().get(0).groupId()).isEqualTo("sg-9");
        assertThat(self.userIdGroupPairs().get(0).description()).isEqualTo("lb");
        assertThat(self.fromPort()).isEqualTo(80);
        assertThat(other.userIdGroupPairs().get(0).userId()).isEqualTo("210987654321");
        assertThat(other.userIdGroupPairs().get(0).groupId()).isEqualTo("sg-2");
        assertThat(other.fromPort()).isNull();
    }
}
